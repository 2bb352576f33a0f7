/**
 * Logging in the way the H5 build does against the WeChat stand-in: the demo-code endpoint plays
 * wx.login (a fresh resident for the key `new-resident`, or a seeded demo account), then the real
 * code2Session login.
 */

async function login(api, key) {
  const {
    body: { code },
  } = await api.expect(200, 'POST', '/api/auth/demo-code', { body: { key } })
  const { body } = await api.expect(200, 'POST', '/api/auth/wechat-login', { body: { code } })
  return { token: body.accessToken, userId: body.user.id, role: body.user.role }
}

/** `count` new residents, each bound to a building of the district in turn (PUT /api/me/residence). */
async function newResidents(api, buildings, count) {
  const residents = []
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
      const building = buildings[(i + j) % buildings.length]
      const session = await login(api, 'new-resident')
      await api.expect(200, 'PUT', '/api/me/residence', { token: session.token, body: { buildingId: building.id } })
      return { ...session, building }
    })
    residents.push(...(await Promise.all(batch)))
  }
  return residents
}

module.exports = { login, newResidents }
