import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { buildingSearchQuerySchema, type BindResidenceInput, type BuildingSummary } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { bindResidence, getBuildingByCode, listCommunities, searchBuildings, type Community } from '../../services/api'
import { savePendingBuilding, takePendingBuilding } from '../../services/pending-building'
import { LOGIN_PAGE, messageOf } from '../../services/request'
import { isLoggedIn, setMe } from '../../stores/session'
import { parseBuildingCode, safeDecode } from '../../utils/building-code'
import ConfirmPanel from './ConfirmPanel'
import { buildingTitle } from './validate'
import './index.scss'

const CAN_SCAN = process.env.TARO_ENV !== 'h5'

/** 绑定我的楼栋: find the building (search, scan, or a QR link) and confirm it. */
export default function BindPage() {
  const router = useRouter()
  const [communities, setCommunities] = useState<Community[]>([])
  const [communityIndex, setCommunityIndex] = useState(0)
  const [q, setQ] = useState('')
  const [results, setResults] = useState<BuildingSummary[] | null>(null)
  const [selected, setSelected] = useState<BuildingSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'search' | 'code' | 'save' | null>(null)

  useLoad(() => {
    const fromLink = router.params.building ? parseBuildingCode(safeDecode(router.params.building)) : null
    const code = fromLink ?? takePendingBuilding()
    if (!isLoggedIn()) {
      if (code) savePendingBuilding(code)
      void Taro.reLaunch({ url: LOGIN_PAGE })
      return
    }
    listCommunities()
      .then((res) => setCommunities(res.items))
      .catch((err: unknown) => setError(messageOf(err)))
    if (code) void chooseByCode(code)
  })

  async function chooseByCode(code: string) {
    setBusy('code')
    setError(null)
    try {
      setSelected(await getBuildingByCode(code))
    } catch (err) {
      setError(`没有找到二维码上的楼栋（${messageOf(err)}），请在下面搜索。`)
    } finally {
      setBusy(null)
    }
  }

  async function search() {
    const community = communityIndex > 0 ? communities[communityIndex - 1] : undefined
    const query = buildingSearchQuerySchema.safeParse({ q, communityId: community?.id, limit: 30 })
    if (!query.success) {
      setError('楼栋名称最多 40 个字')
      return
    }
    setBusy('search')
    setError(null)
    try {
      const res = await searchBuildings(query.data)
      setResults(res.items)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  async function scan() {
    const result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).catch(() => null)
    if (!result) return
    const code = parseBuildingCode(result.result)
    if (!code) {
      setError('这不是安居的楼栋二维码，请扫描楼道里张贴的二维码。')
      return
    }
    await chooseByCode(code)
  }

  async function confirm(input: BindResidenceInput) {
    setBusy('save')
    setError(null)
    try {
      setMe(await bindResidence(input))
      void Taro.showToast({ title: '绑定成功', icon: 'success' })
      await Taro.reLaunch({ url: '/pages/index/index' })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const communityNames = ['全部社区', ...communities.map((c) => `${c.name}（${c.street}）`)]

  return (
    <View className="page bind">
      {error && <View className="error-box">{error}</View>}
      {busy === 'code' && <Text className="bind__status">正在查找二维码上的楼栋…</Text>}

      {selected ? (
        <ConfirmPanel
          building={selected}
          saving={busy === 'save'}
          onConfirm={(input) => void confirm(input)}
          onCancel={() => setSelected(null)}
        />
      ) : (
        <View>
          {CAN_SCAN && (
            <Button className="btn btn--primary bind__scan" onClick={() => void scan()}>
              扫码绑定
            </Button>
          )}
          <View className="card">
            <Text className="section-title">查找我住的楼栋</Text>
            <View className="field">
              <Text className="field__label">楼栋名称</Text>
              <Input
                className="input"
                value={q}
                maxlength={40}
                placeholder="例如：3号楼"
                confirmType="search"
                onInput={(e) => setQ(e.detail.value)}
                onConfirm={() => void search()}
              />
            </View>
            <View className="field">
              <Text className="field__label">社区（可不选）</Text>
              <Picker
                mode="selector"
                range={communityNames}
                value={communityIndex}
                onChange={(e) => setCommunityIndex(Number(e.detail.value))}
              >
                <View className="picker-box">
                  <Text>{communityNames[communityIndex] ?? '全部社区'}</Text>
                  <Text className="bind__change">选择</Text>
                </View>
              </Picker>
            </View>
            <BusyButton className="btn btn--primary" busy={busy === 'search'} onClick={() => void search()}>
              搜索
            </BusyButton>
          </View>

          {results && (
            <View className="card">
              <Text className="section-title">{results.length ? '请点选您住的楼栋' : '没有找到，请换个名称或社区再试'}</Text>
              {results.map((b) => (
                <View key={b.id} className="bind__result" onClick={() => setSelected(b)}>
                  <Text className="bind__result-title">{buildingTitle(b)}</Text>
                  <Text className="bind__result-sub">
                    {b.street}
                    {b.address ? ` · ${b.address}` : ''}
                  </Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
