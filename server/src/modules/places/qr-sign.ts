import QRCode from 'qrcode'
import type { EntityManager } from 'typeorm'
import type { BuildingSummary } from '@anju/shared'
import type { Place } from './entities'
import { summarizeBuildings } from './repository'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The link a building's QR sign carries: opening it (or scanning it in the mini-program) binds that building. */
function buildingLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/?building=${encodeURIComponent(code)}`
}

/** A printable A6-proportioned sign for the building's entrance: the QR code, the building and what to do. */
async function buildingQrSign(building: BuildingSummary, link: string): Promise<string> {
  const qr = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  const inner = qr.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33'
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 600" width="420" height="600" font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">
<rect width="420" height="600" fill="#ffffff"/><rect width="420" height="110" fill="#1a4fa0"/>
<text x="210" y="52" text-anchor="middle" font-size="34" font-weight="700" fill="#ffffff">安居 · 24小时网上警局</text>
<text x="210" y="90" text-anchor="middle" font-size="22" fill="#dfe7f5">微信扫码，找到本楼的楼长民警</text>
<svg x="70" y="130" width="280" height="280" viewBox="${viewBox}">${inner}</svg>
<text x="210" y="450" text-anchor="middle" font-size="28" font-weight="700" fill="#1b1b1b">${escapeXml(building.community)} ${escapeXml(building.name)}</text>
<text x="210" y="488" text-anchor="middle" font-size="20" fill="#333333">${escapeXml(building.street)} · 楼栋编码 ${escapeXml(building.code)}</text>
<text x="210" y="548" text-anchor="middle" font-size="22" font-weight="700" fill="#c62828">紧急情况请拨打 110</text>
</svg>`
}

/** The printable sign of a building row, its link under `baseUrl`. */
export async function buildingQrSvg(em: EntityManager, building: Place, baseUrl: string): Promise<string> {
  const [summary] = await summarizeBuildings(em, [building])
  return buildingQrSign(summary!, buildingLink(baseUrl, building.code!))
}
