import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { REPORT_KINDS, type TicketReceipt } from '@anju/shared'
import { LoadError, Loading } from '../../components/PageState'
import { messageOf } from '../../services/request'
import { ticketPageUrl, type ReportKind } from '../../services/tickets'
import { refreshMe, requireLogin, useSession } from '../../stores/session'
import Receipt from './Receipt'
import ReportForm from './ReportForm'
import './index.scss'

const parseKind = (value: string | undefined): ReportKind => REPORT_KINDS.find((k) => k === value) ?? 'hazard'

function BindFirst() {
  return (
    <View className="card">
      <Text className="section-title">请先绑定您住的楼栋</Text>
      <Text className="report-prompt">绑定后，您反映的问题会直接交给负责您这栋楼的楼长民警。</Text>
      <Button className="btn btn--primary" onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}>
        绑定我的楼栋
      </Button>
    </View>
  )
}

/** 上报 (?kind=hazard|dispute): the form, then the electronic receipt. */
export default function ReportPage() {
  const router = useRouter()
  const { me } = useSession()
  const [error, setError] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<TicketReceipt | null>(null)

  async function load() {
    if (!requireLogin()) return
    setError(null)
    try {
      // The residence decides where the report goes: read it fresh, the resident may have moved.
      await refreshMe()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    void load()
  })

  function showReceipt(result: TicketReceipt) {
    setReceipt(result)
    void Promise.resolve(Taro.setNavigationBarTitle({ title: '电子回执' })).catch(() => undefined)
  }

  if (receipt) {
    return (
      <View className="page report">
        <Receipt
          receipt={receipt}
          onView={() => void Taro.redirectTo({ url: ticketPageUrl(receipt.ticket.id) })}
          onHome={() => void Taro.switchTab({ url: '/pages/index/index' })}
        />
      </View>
    )
  }
  if (!me) {
    return <View className="page">{error ? <LoadError message={error} onRetry={() => void load()} /> : <Loading />}</View>
  }
  return (
    <View className="page report">
      {me.user.role !== 'resident' ? (
        <View className="card">
          <Text className="report-prompt">上报由居民使用。工作人员请在“工单”页办理。</Text>
        </View>
      ) : me.residence ? (
        <ReportForm residence={me.residence} initialKind={parseKind(router.params.kind)} onSubmitted={showReceipt} />
      ) : (
        <BindFirst />
      )}
    </View>
  )
}
