import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ROLE_LABELS, updateMeSchemaFor } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { LoadError, Loading } from '../../components/PageState'
import { renameMe } from '../../services/api'
import { messageOf } from '../../services/request'
import { refreshMe, requireLogin, setMe, signOut, useSession } from '../../stores/session'
import { fieldErrors } from '../../utils/form'
import { describeScope } from '../../utils/labels'
import './index.scss'
import { applyUnreadBadge } from '../../services/unread'

/** 我的: name, role, where I live or serve, joining as staff, and leaving. */
export default function MinePage() {
  const { me } = useSession()
  const [loadError, setLoadError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [leaving, setLeaving] = useState(false)

  async function load() {
    if (!requireLogin()) return
    setLoadError(null)
    try {
      await refreshMe()
    } catch (err) {
      setLoadError(messageOf(err))
    }
  }

  useDidShow(() => {
    void load()
    applyUnreadBadge()
  })

  async function saveName() {
    // The server's rule for who is asking: staff keep the titled name their invite gave them.
    const parsed = updateMeSchemaFor(me?.user.role ?? 'resident').safeParse({ name })
    if (!parsed.success) {
      setNameError(fieldErrors(parsed.error, { name: '请填写称呼' }).name ?? '请填写称呼')
      return
    }
    setSaving(true)
    setNameError(null)
    try {
      setMe(await renameMe(parsed.data.name))
      setEditing(false)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setNameError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  async function leave() {
    setLeaving(true)
    await signOut()
  }

  if (!me) {
    return <View className="page">{loadError ? <LoadError message={loadError} onRetry={() => void load()} /> : <Loading />}</View>
  }

  const isResident = me.user.role === 'resident'
  const residence = me.residence
  return (
    <View className="page mine">
      <View className="card">
        {editing ? (
          <View className="field">
            <Text className="field__label">我的称呼</Text>
            <Input className="input" value={name} maxlength={20} focus onInput={(e) => setName(e.detail.value)} />
            {nameError && <Text className="field__error">{nameError}</Text>}
            <View className="mine__edit-actions">
              <BusyButton className="btn btn--primary btn--small" busy={saving} onClick={() => void saveName()}>
                保存
              </BusyButton>
              <Button className="btn btn--small" onClick={() => setEditing(false)}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <View className="row">
            <Text className="mine__name">{me.user.name}</Text>
            <Button
              className="btn btn--small"
              onClick={() => {
                setName(me.user.name)
                setNameError(null)
                setEditing(true)
              }}
            >
              修改称呼
            </Button>
          </View>
        )}
        <Text className="mine__line">身份：{ROLE_LABELS[me.user.role]}</Text>
        {!isResident && <Text className="mine__line">工作范围：{describeScope(me.scope)}</Text>}
      </View>

      {isResident && (
        <View className="card">
          <Text className="section-title">我的住址</Text>
          <Text className="mine__line">
            {residence
              ? [residence.building.community, residence.building.name, residence.unit?.name].filter(Boolean).join(' · ')
              : '还没有绑定楼栋'}
          </Text>
          <Button className="btn btn--primary mine__action" onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
            {residence ? '更换楼栋' : '绑定我的楼栋'}
          </Button>
        </View>
      )}

      {isResident && (
        <View className="card">
          <Text className="section-title">我是工作人员</Text>
          <Text className="mine__line">楼长民警、法律援助志愿者和值班台人员，请用邀请码加入。</Text>
          <Button className="btn mine__action" onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}>
            加入工作人员（邀请码）
          </Button>
        </View>
      )}

      <BusyButton className="btn btn--danger mine__logout" busy={leaving} onClick={() => void leave()}>
        退出登录
      </BusyButton>
    </View>
  )
}
