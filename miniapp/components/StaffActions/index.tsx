import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TICKET_ACTION_LABELS, ticketActionInputSchema, type TicketDetail } from '@anju/shared'
import { ApiRequestError, messageOf } from '../../services/request'
import { actOnTicket, fetchTicket } from '../../services/tickets'
import { fieldErrors } from '../../utils/form'
import ActionForm from './ActionForm'
import { FIELD_MESSAGES, PANEL_ACTIONS, type PanelAction } from './draft'
import Whistles from './Whistles'
import './index.scss'

export interface StaffActionsProps {
  ticket: TicketDetail
  /** Called with the ticket as the server returns it after an action. */
  onChanged: (ticket: TicketDetail) => void
}

/** Moves that push the ticket forward get the strong button. */
const FORWARD = new Set<PanelAction>(['accept', 'start', 'resolve'])

/** The staff's action panel on the ticket detail page (受理、办结、流转、升级、吹哨…). */
export function StaffActions({ ticket, onChanged }: StaffActionsProps) {
  const [open, setOpen] = useState<PanelAction | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const buttons = PANEL_ACTIONS.filter((a) => ticket.actions.includes(a))
  const canReportIn = ticket.actions.includes('report_in')

  /** Checks the body with the shared schema, sends it, and hands the new ticket up. */
  async function submit(input: Record<string, unknown>): Promise<string | null> {
    const parsed = ticketActionInputSchema.safeParse(input)
    if (!parsed.success) {
      const messages = Object.values(fieldErrors(parsed.error, FIELD_MESSAGES))
      return messages[0] ?? '请检查填写的内容'
    }
    try {
      const updated = await actOnTicket(ticket.id, parsed.data)
      setOpen(null)
      setNotice(null)
      onChanged(updated)
      void Taro.showToast({ title: `${TICKET_ACTION_LABELS[parsed.data.action]}成功`, icon: 'success' })
      return null
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'conflict') {
        // Someone else acted first: say so, and show the ticket as it is now.
        setOpen(null)
        setNotice(err.message)
        await fetchTicket(ticket.id).then(onChanged, () => undefined)
        return null
      }
      return messageOf(err)
    }
  }

  return (
    <View>
      <View className="card sa">
        <Text className="section-title">办理</Text>
        {notice && <View className="error-box">{notice}</View>}
        {buttons.length === 0 && <Text className="text-soft">这张工单现在不需要您办理。</Text>}
        {!open && buttons.length > 0 && (
          <View className="sa-buttons">
            {buttons.map((a) => (
              <Button
                key={a}
                className={`btn sa-buttons__item ${FORWARD.has(a) ? 'btn--primary' : ''} ${a === 'reject' ? 'btn--danger' : ''}`}
                onClick={() => {
                  setNotice(null)
                  setOpen(a)
                }}
              >
                {TICKET_ACTION_LABELS[a]}
              </Button>
            ))}
          </View>
        )}
        {open && <ActionForm key={open} action={open} ticket={ticket} onSubmit={submit} onCancel={() => setOpen(null)} />}
      </View>
      {ticket.whistles.length > 0 && <Whistles whistles={ticket.whistles} canReportIn={canReportIn} onReportIn={submit} />}
    </View>
  )
}

export default StaffActions
