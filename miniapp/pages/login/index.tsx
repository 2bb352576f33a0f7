import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { ROLE_LABELS, type DemoIdentity, type LoginOptions } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import EmergencyBanner from '../../components/EmergencyBanner'
import { getDemoCode, getLoginOptions, loginWithWechatCode } from '../../services/api'
import { rememberBuildingFromQuery } from '../../services/pending-building'
import { ApiRequestError, messageOf } from '../../services/request'
import { signIn } from '../../stores/session'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** 登录: WeChat login, or — against the local WeChat stand-in — one tap per demo identity. */
export default function LoginPage() {
  const [options, setOptions] = useState<LoginOptions | null>(null)
  const [optionsError, setOptionsError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busyKey, setBusyKey] = useState<string | null>(null)

  async function loadOptions() {
    setOptionsError(null)
    try {
      setOptions(await getLoginOptions())
    } catch (err) {
      setOptionsError(messageOf(err))
    }
  }

  useLoad((params) => {
    // A building link may land here directly; keep it for after login (the index page uses it).
    rememberBuildingFromQuery(params as Record<string, string | undefined>)
    void loadOptions()
  })

  async function login(key: string, getCode: () => Promise<string>) {
    if (busyKey) return
    setBusyKey(key)
    setError(null)
    try {
      const pair = await loginWithWechatCode(await getCode())
      signIn(pair)
      await Taro.reLaunch({ url: '/pages/index/index' })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusyKey(null)
    }
  }

  const loginAsDemo = (identity: DemoIdentity) => login(identity.key, async () => (await getDemoCode(identity.key)).code)

  const loginWithWechat = () =>
    login('wechat', async () => {
      const result = await Taro.login().catch(() => null)
      if (!result?.code) throw new ApiRequestError(0, 'wechat_login_failed', '微信登录没有成功，请稍后再试')
      return result.code
    })

  return (
    <View className="page login">
      <View className="login__hero">
        <Text className="login__title">安居</Text>
        <Text className="login__subtitle">24 小时网上警局 · 楼长民警就在身边</Text>
      </View>

      {error && <View className="error-box">{error}</View>}

      {!IS_H5 && (
        <BusyButton className="btn btn--primary login__wechat" busy={busyKey === 'wechat'} onClick={() => void loginWithWechat()}>
          微信一键登录
        </BusyButton>
      )}

      {optionsError && (
        <View className="error-box">
          <Text>{optionsError}</Text>
          <Button className="btn btn--small login__retry" onClick={() => void loadOptions()}>
            重新加载
          </Button>
        </View>
      )}

      {options?.demo && (
        <View className="login__demo">
          <Text className="section-title">演示账号</Text>
          <Text className="login__demo-note">当前连接的是本地演示环境，点一下即可以该身份登录。</Text>
          {options.identities.map((identity) => (
            <View
              key={identity.key}
              className={`card login__identity ${busyKey === identity.key ? 'login__identity--busy' : ''}`}
              onClick={() => void loginAsDemo(identity)}
            >
              <View className="row">
                <Text className="login__identity-label">{identity.label}</Text>
                {!identity.label.includes(ROLE_LABELS[identity.role]) && <Text className="tag">{ROLE_LABELS[identity.role]}</Text>}
              </View>
              <Text className="login__identity-desc">{busyKey === identity.key ? '正在登录…' : identity.description}</Text>
            </View>
          ))}
        </View>
      )}

      <EmergencyBanner />
    </View>
  )
}
