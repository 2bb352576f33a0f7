import Taro from '@tarojs/taro'
import type { ClientFrame, ServerFrame } from '@anju/shared'
import type { SocketLike } from '../services/realtime'

/** A socket the test plays the server for: it opens, says ready, pushes frames and closes. */
export class FakeSocket implements SocketLike {
  readonly sent: ClientFrame[] = []
  closed = false
  private handlers: {
    open?: () => void
    message?: (event: { data: unknown }) => void
    close?: (event: { code?: number }) => void
    error?: (event: unknown) => void
  } = {}

  constructor(readonly url: string) {}

  send({ data }: { data: string }) {
    this.sent.push(JSON.parse(data) as ClientFrame)
  }
  close() {
    this.closed = true
  }
  onOpen(callback: () => void) {
    this.handlers.open = callback
  }
  onMessage(callback: (event: { data: unknown }) => void) {
    this.handlers.message = callback
  }
  onClose(callback: (event: { code?: number }) => void) {
    this.handlers.close = callback
  }
  onError(callback: (event: unknown) => void) {
    this.handlers.error = callback
  }

  /** The server side of the handshake: open, then `ready` (as if the auth frame was good). */
  accept(userId = 5) {
    this.handlers.open?.()
    this.receive({ type: 'ready', userId })
  }
  receive(frame: ServerFrame) {
    this.handlers.message?.({ data: JSON.stringify(frame) })
  }
  /** Whatever bytes a broken proxy or server might send. */
  receiveRaw(data: unknown) {
    this.handlers.message?.({ data })
  }
  drop(code = 1006) {
    this.handlers.close?.({ code })
  }
}

/** Replaces Taro.connectSocket; every connection made is in the returned list. */
export function fakeSockets(): FakeSocket[] {
  const sockets: FakeSocket[] = []
  jest.spyOn(Taro, 'connectSocket').mockImplementation(((options: { url: string }) => {
    const socket = new FakeSocket(options.url)
    sockets.push(socket)
    return Promise.resolve(socket)
  }) as never)
  return sockets
}
