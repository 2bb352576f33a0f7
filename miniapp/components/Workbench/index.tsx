/** The staff's workbench on the 工单 tab: 待受理 / 处理中 / 即将超时 / 已超时 / 已办结. */
export function Workbench() {
  return null
}
