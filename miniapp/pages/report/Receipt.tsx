import { Button, Text, View } from '@tarojs/components'
import { TICKET_KIND_LABELS, type TicketReceipt } from '@anju/shared'
import { formatBeijingDateTime } from '../../utils/time'
import './Receipt.scss'

interface Props {
  receipt: TicketReceipt
  onView: () => void
  onHome: () => void
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="receipt__line">
      <Text className="receipt__label">{label}</Text>
      <Text className="receipt__value">{value}</Text>
    </View>
  )
}

/** 电子回执: proof that the report arrived, who has it and by when they answer. */
export default function Receipt({ receipt: { ticket, receipt, replayed }, onView, onHome }: Props) {
  return (
    <View className="card receipt">
      <Text className="receipt__ok">提交成功</Text>
      <Text className="receipt__title">电子回执</Text>
      {replayed && <Text className="receipt__note">这条反映您之前已经提交成功，以下是它的回执。</Text>}
      <Line label="工单编号" value={receipt.number} />
      <Line label="反映类型" value={`${TICKET_KIND_LABELS[ticket.kind]} · ${ticket.categoryName}`} />
      <Line label="提交时间" value={formatBeijingDateTime(receipt.submittedAt)} />
      <Line label="受理单位" value={receipt.unitName} />
      <Line label={receipt.officerName ? '承办民警' : '承办'} value={receipt.officerName ?? '值班台'} />
      <Line label="预计受理" value={`${formatBeijingDateTime(receipt.expectedAcceptBy)} 前`} />
      <Line label="预计办结" value={`${formatBeijingDateTime(receipt.expectedResolveBy)} 前`} />
      {ticket.urgent && <Text className="receipt__note">已按紧急情况优先处理；如有危险请立即拨打110。</Text>}
      <Text className="receipt__hint">办理进度可在“我的工单”随时查看，办结后请您评价。</Text>
      <Button className="btn btn--primary" onClick={onView}>
        查看工单
      </Button>
      <Button className="btn" onClick={onHome}>
        返回首页
      </Button>
    </View>
  )
}
