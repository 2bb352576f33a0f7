import Taro from '@tarojs/taro'
import type { SubscribeEvent } from '@anju/shared'

/**
 * WeChat subscribe messages (受理 / 办结 / 升级 notices). The template ids come from the build
 * environment (TARO_APP_TEMPLATE_* in .env, passed through config/index.ts); each must be
 * written out as `process.env.NAME` for the build to replace it.
 */
export function subscribeTemplates(): Array<{ event: SubscribeEvent; tmplId: string }> {
  const ids: Array<[SubscribeEvent, string | undefined]> = [
    ['accepted', process.env.TARO_APP_TEMPLATE_ACCEPTED],
    ['resolved', process.env.TARO_APP_TEMPLATE_RESOLVED],
    ['escalated', process.env.TARO_APP_TEMPLATE_ESCALATED],
  ]
  return ids.filter((pair): pair is [SubscribeEvent, string] => Boolean(pair[1])).map(([event, tmplId]) => ({ event, tmplId }))
}

/**
 * Asks the resident which notices they want and returns the events they accepted. WeChat only
 * shows the dialog in answer to a tap, so call it first thing in a tap handler. H5 has no
 * subscribe messages; a refusal or a failure gives [] — a report is never held up by this.
 */
export async function askToSubscribe(): Promise<SubscribeEvent[]> {
  const templates = subscribeTemplates()
  if (process.env.TARO_ENV === 'h5' || templates.length === 0) return []
  try {
    const result = (await Taro.requestSubscribeMessage({
      tmplIds: templates.map((t) => t.tmplId),
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    return templates.filter((t) => result[t.tmplId] === 'accept').map((t) => t.event)
  } catch {
    return []
  }
}

/**
 * 新消息提醒: asked before a resident's first message in a conversation, so the officer's answer
 * reaches them while the app is closed. Same rules as above: a tap handler, never in H5, false
 * on refusal — the message goes either way.
 */
export async function askToSubscribeMessages(): Promise<boolean> {
  const tmplId = process.env.TARO_APP_TEMPLATE_MESSAGE
  if (process.env.TARO_ENV === 'h5' || !tmplId) return false
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: [tmplId] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
      string,
      string
    >
    return result[tmplId] === 'accept'
  } catch {
    return false
  }
}
