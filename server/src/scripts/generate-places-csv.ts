/**
 * Writes a city-sized places CSV for trying the importer:
 *   node -r @swc-node/register server/src/scripts/generate-places-csv.ts 20000 > /tmp/places.csv
 * 20 buildings to a grid, 10 grids to a community, 8 communities to a street, 10 streets to a district.
 */
import { PLACE_CSV_COLUMNS } from '@anju/shared'

const total = Number(process.argv[2] ?? 20000)
const out: string[] = [PLACE_CSV_COLUMNS.join(',')]
for (let i = 0; i < total; i++) {
  const grid = Math.floor(i / 20)
  const community = Math.floor(grid / 10)
  const street = Math.floor(community / 8)
  const district = Math.floor(street / 10)
  out.push(
    [
      `第${district + 1}区`,
      `第${street + 1}街道`,
      `第${community + 1}社区`,
      `第${grid + 1}网格`,
      `B${String(i + 1).padStart(6, '0')}`,
      `${(i % 20) + 1}号楼`,
      `示范路${i + 1}号`,
      String(2 + (i % 3)),
      '',
    ].join(','),
  )
}
process.stdout.write(out.join('\n') + '\n')
