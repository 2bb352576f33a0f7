import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TICKET_KIND_LABELS, type TicketCategory, type TicketCategoryInput } from '@anju/shared'
import { LoadError, Loading } from '../../components/PageState'
import { ApiRequestError, messageOf } from '../../services/request'
import { createTicketCategory, listTicketCategories, updateTicketCategory } from '../../services/workbench'
import { refreshMe, requireLogin, useSession } from '../../stores/session'
import { newClientKey } from '../../utils/client-key'
import { describeMinutes } from '../../utils/deadline'
import { useRemote } from '../../utils/use-remote'
import CategoryForm from './CategoryForm'
import { mayEditCategories } from './form'
import './index.scss'

const NOT_ALLOWED = '只有区级值班台和系统管理员可以修改问题类别和办理时限。'

function CategoryCard({ category, onEdit }: { category: TicketCategory; onEdit?: () => void }) {
  const c = category
  return (
    <View className={`card cat ${c.active ? '' : 'cat--off'}`}>
      <View className="row">
        <Text className="cat__name">{c.name}</Text>
        <Text className="tag">{TICKET_KIND_LABELS[c.kind]}</Text>
      </View>
      {!c.active && <Text className="cat__off">已停用，居民上报时不再显示</Text>}
      <Text className="cat__line">先派给：{c.routeTo === 'building_lead' ? '楼长民警' : '值班台'}</Text>
      <Text className="cat__line">
        受理时限 {describeMinutes(c.acceptMinutes)} · 办结时限 {describeMinutes(c.resolveMinutes)}
      </Text>
      <Text className="cat__line">
        紧急：受理 {describeMinutes(c.urgentAcceptMinutes)} · 办结 {describeMinutes(c.urgentResolveMinutes)}
      </Text>
      <Text className="cat__line">时限过去 {c.warnAtPercent}% 时预警</Text>
      {c.alertDesk && <Text className="cat__line cat__alert">新工单同时提醒值班台</Text>}
      {onEdit && (
        <Button className="btn btn--small cat__edit" onClick={onEdit}>
          修改
        </Button>
      )}
    </View>
  )
}

/** 问题类别与办理时限: how each kind of report is routed and how long each step may take. */
export default function CategoriesPage() {
  const { me } = useSession()
  const [version, setVersion] = useState(0)
  const categories = useRemote(listTicketCategories, version)
  /** The category being edited; 'new' for the add form. */
  const [editing, setEditing] = useState<TicketCategory | 'new' | null>(null)
  const [forbidden, setForbidden] = useState<string | null>(null)
  /** Made when the add form opens and sent with every save of it: a retried save never adds two. */
  const [createKey, setCreateKey] = useState('')

  useEffect(() => {
    if (!requireLogin()) return
    if (!me) void refreshMe().catch(() => undefined)
  }, [me])

  const canEdit = mayEditCategories(me) && !forbidden

  async function save(input: TicketCategoryInput): Promise<string | null> {
    try {
      if (editing === 'new') await createTicketCategory({ ...input, clientKey: createKey })
      else if (editing) await updateTicketCategory(editing.id, input)
      setEditing(null)
      setVersion((n) => n + 1)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      return null
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 403) {
        setForbidden(err.message || NOT_ALLOWED)
        setEditing(null)
        return null
      }
      return messageOf(err)
    }
  }

  if (editing) {
    return (
      <View className="page">
        <CategoryForm category={editing === 'new' ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
      </View>
    )
  }
  return (
    <View className="page">
      {forbidden || (me && !mayEditCategories(me)) ? (
        <View className="error-box">{forbidden ?? NOT_ALLOWED}</View>
      ) : (
        canEdit && (
          <Button
            className="btn btn--primary cat-add"
            onClick={() => {
              setCreateKey(newClientKey())
              setEditing('new')
            }}
          >
            新增类别
          </Button>
        )
      )}
      {categories.error ? (
        <LoadError message={categories.error} onRetry={categories.reload} />
      ) : !categories.data ? (
        <Loading />
      ) : (
        categories.data.items.map((c) => <CategoryCard key={c.id} category={c} onEdit={canEdit ? () => setEditing(c) : undefined} />)
      )}
    </View>
  )
}
