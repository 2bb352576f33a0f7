import { Button, Image, Text, View } from '@tarojs/components'
import type { BuildingLeadCard, OfficerCard as Officer } from '@anju/shared'
import LeaveMessageButton from '../LeaveMessageButton'
import { resolveAssetUrl } from '../../utils/asset-url'
import { callPhone } from '../../utils/phone'
import './index.scss'

interface Props {
  lead: BuildingLeadCard
}

/** Who answers now, and the words that say so. Null when nobody can be called. */
function whoAnswers(lead: BuildingLeadCard): { name: string; phone: string } | null {
  if (!lead.cover) return lead.officer ? { name: lead.officer.name, phone: lead.officer.phone } : null
  const desk = lead.cover.dutyDesk
  return desk ? { name: desk.name, phone: desk.phone } : null
}

function coverText(lead: BuildingLeadCard): string | null {
  const { cover, officer } = lead
  if (!cover) return null
  const absent =
    cover.reason === 'no_officer' || !officer ? '本楼暂未配备楼长民警' : officer.status === 'on_leave' ? '民警休假中' : '民警休息中'
  return cover.dutyDesk ? `${absent}，现由 ${cover.dutyDesk.name} 值守` : `${absent}，暂无值班台值守`
}

function Portrait({ officer }: { officer: Officer }) {
  if (officer.photoUrl) {
    return <Image className="officer-card__photo" src={resolveAssetUrl(officer.photoUrl)} mode="aspectFill" />
  }
  return (
    <View className="officer-card__avatar" aria-label={`${officer.name}的头像`}>
      <Text>{officer.name.slice(0, 1)}</Text>
    </View>
  )
}

/** The resident's building-lead officer (我的楼长民警), and who covers when they are off duty. */
export default function OfficerCard({ lead }: Props) {
  const { officer, cover } = lead
  const target = whoAnswers(lead)
  const covering = coverText(lead)

  return (
    <View className="card officer-card">
      <Text className="section-title">我的楼长民警</Text>
      {officer ? (
        <View>
          <View className="officer-card__profile">
            <Portrait officer={officer} />
            <View className="officer-card__who">
              <View className="officer-card__name-row">
                <Text className="officer-card__name">{officer.name}</Text>
                <Text className={`badge ${officer.status === 'on_duty' ? 'badge--on' : 'badge--off'}`}>{officer.statusText}</Text>
              </View>
              <Text className="officer-card__line">警号 {officer.policeNumber}</Text>
              <Text className="officer-card__line">{officer.station}</Text>
            </View>
          </View>
          <View className="officer-card__duties">
            {officer.duties.map((duty) => (
              <Text key={duty} className="tag">
                {duty}
              </Text>
            ))}
          </View>
          <Text className="officer-card__hours">值班时间：{officer.dutyHoursText}</Text>
        </View>
      ) : (
        !cover && <Text className="officer-card__line">本楼暂未配备楼长民警</Text>
      )}

      {covering && (
        <View className="officer-card__cover">
          <Text className="officer-card__cover-title">{covering}</Text>
          {cover?.dutyDesk && <Text className="officer-card__cover-line">值班电话：{cover.dutyDesk.phone}</Text>}
          {!cover?.dutyDesk && <Text className="officer-card__cover-line">紧急情况请拨打 110</Text>}
        </View>
      )}

      {(officer || cover) && (
        <View className="officer-card__message">
          <LeaveMessageButton label="在线留言" />
          <Text className="officer-card__call-to">24 小时可留言，民警休息时由值班台代为回复</Text>
        </View>
      )}

      {target && (
        <View className="officer-card__call">
          <Text className="officer-card__call-to">
            将拨打：{target.name} {target.phone}
          </Text>
          <Button className="btn btn--primary" onClick={() => callPhone(target.phone)}>
            拨打电话
          </Button>
        </View>
      )}
    </View>
  )
}
