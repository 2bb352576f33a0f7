/**
 * The client of the WeChat stand-in's /dev/codes endpoint: asks it for a login code, as wx.login
 * would on a phone. Only the demo login uses it, and only when the server runs against the
 * stand-in (AppContext.wechatStandinUrl); real WeChat has no such endpoint.
 */
export async function mintStandinCode(standinUrl: string, openid: string): Promise<string> {
  const res = await fetch(new URL('/dev/codes', standinUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })
  if (!res.ok) throw new Error(`stand-in refused a code for this openid (${res.status})`)
  return ((await res.json()) as { code: string }).code
}
