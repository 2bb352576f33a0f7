import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { redeemInviteSchema } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { redeemInvite } from '../../services/api'
import { messageOf } from '../../services/request'
import { requireLogin, signIn } from '../../stores/session'
import { blankToUndefined, fieldErrors } from '../../utils/form'
import './index.scss'

type Field = 'code' | 'name' | 'policeNumber' | 'phone'

const FALLBACK_MESSAGES: Record<Field, string> = {
  code: '请输入完整的邀请码',
  name: '请填写真实姓名',
  policeNumber: '警号为 6 位数字',
  phone: '请输入正确的手机号或座机号',
}

/** 加入工作人员: redeem an invite; the account becomes staff with the invite's role. */
export default function JoinPage() {
  const [values, setValues] = useState<Record<Field, string>>({ code: '', name: '', policeNumber: '', phone: '' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useLoad(() => {
    requireLogin()
  })

  const set = (field: Field) => (e: { detail: { value: string } }) => setValues((v) => ({ ...v, [field]: e.detail.value }))

  async function submit() {
    const parsed = redeemInviteSchema.safeParse({
      code: values.code,
      name: values.name,
      policeNumber: blankToUndefined(values.policeNumber),
      phone: blankToUndefined(values.phone),
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, FALLBACK_MESSAGES))
      return
    }
    setErrors({})
    setFormError(null)
    setSaving(true)
    try {
      signIn(await redeemInvite(parsed.data))
      void Taro.showToast({ title: '加入成功', icon: 'success' })
      await Taro.reLaunch({ url: '/pages/index/index' })
    } catch (err) {
      setFormError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="page join">
      <View className="card">
        <Text className="join__intro">请输入值班台发给您的邀请码。加入后，您的账号将成为对应的工作人员账号。</Text>

        <View className="field">
          <Text className="field__label">邀请码</Text>
          <Input className="input" value={values.code} maxlength={32} placeholder="请输入邀请码" onInput={set('code')} />
          {errors.code && <Text className="field__error">{errors.code}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">真实姓名</Text>
          <Input className="input" value={values.name} maxlength={20} placeholder="请输入姓名" onInput={set('name')} />
          {errors.name && <Text className="field__error">{errors.name}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">警号</Text>
          <Input
            className="input"
            type="number"
            value={values.policeNumber}
            maxlength={6}
            placeholder="6 位数字"
            onInput={set('policeNumber')}
          />
          <Text className="field__hint">楼长民警必填，其他人员不用填</Text>
          {errors.policeNumber && <Text className="field__error">{errors.policeNumber}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">工作电话</Text>
          <Input className="input" value={values.phone} maxlength={20} placeholder="手机号或座机号" onInput={set('phone')} />
          <Text className="field__hint">楼长民警必填，居民将通过此电话联系您</Text>
          {errors.phone && <Text className="field__error">{errors.phone}</Text>}
        </View>

        {formError && <View className="error-box">{formError}</View>}

        <BusyButton className="btn btn--primary" busy={saving} onClick={() => void submit()}>
          确认加入
        </BusyButton>
      </View>
    </View>
  )
}
