/**
 * One table per bench: the figure, the raw baseline measured in the same run, their ratio and the
 * target beside it. "meets" is information for the reader; nothing here fails a run.
 */
const COLUMNS = [
  ['measure', 'measure'],
  ['figure', 'figure'],
  ['baseline', 'raw baseline'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['verdict', ''],
]

function printTable(title, rows) {
  const cells = rows.map((r) => (r.section ? null : COLUMNS.map(([key]) => String(r[key] ?? ''))))
  const widths = COLUMNS.map(([, head], i) => Math.max(head.length, ...cells.filter(Boolean).map((c) => c[i].length)))
  const line = (values) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  console.log(`\n${title}`)
  console.log(line(COLUMNS.map(([, head]) => head)))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  rows.forEach((r, i) => console.log(r.section ? `[${r.section}]` : line(cells[i])))
}

/** "meets" / "misses" for a figure against a target, for lower-is-better or higher-is-better figures. */
function verdict(value, target, higherIsBetter) {
  if (!Number.isFinite(value)) return 'n/a'
  return (higherIsBetter ? value >= target : value <= target) ? 'meets' : 'MISSES'
}

module.exports = { printTable, verdict }
