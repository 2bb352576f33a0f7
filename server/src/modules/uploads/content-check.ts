import type { AppContext } from '../../context'
import type { SecurityScene } from '../../integrations/wechat/client'

/** msg_sec_check takes at most 2500 characters; longer text is checked in pieces. */
const MAX_CHECK_CHARS = 2500

/**
 * WeChat's text check (msg_sec_check v2) of what a user wrote: 'pass', or 'held' when WeChat says
 * review or risky — held text is kept and handled, only not shown to others.
 *
 * When WeChat cannot be asked (down, unreachable, errcode), the answer is 'pass' and the failure
 * is logged: a resident's report of a hazard must never be lost, or wait, because WeChat is
 * down; staff still read every report they handle.
 */
export async function checkText(
  app: AppContext,
  input: { openid: string; content: string; scene: SecurityScene; title?: string },
): Promise<'pass' | 'held'> {
  const chars = [...input.content]
  try {
    for (let start = 0; start === 0 || start < chars.length; start += MAX_CHECK_CHARS) {
      const content = chars.slice(start, start + MAX_CHECK_CHARS).join('')
      const title = start === 0 && input.title ? { title: input.title } : {}
      const { suggest, label, traceId } = await app.wechat.msgSecCheck({ openid: input.openid, scene: input.scene, content, ...title })
      if (suggest !== 'pass') {
        app.log.info('text held by content check', { suggest, label, traceId, scene: input.scene })
        return 'held'
      }
    }
    return 'pass'
  } catch (err) {
    app.log.warn('content check unavailable; text passed unchecked', {
      scene: input.scene,
      error: err instanceof Error ? err.message : String(err),
    })
    return 'pass'
  }
}
