import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import type { Me, SessionUser, TokenPair } from '@anju/shared'
import * as api from '../services/api'
import { LOGIN_PAGE, onSessionLost } from '../services/request'
import { clearStoredSession, loadStoredSession, saveStoredSession } from '../services/session-storage'

/**
 * Who is logged in, shared by every page. A module store read through useSyncExternalStore:
 * small enough that a state library would only add weight to the mini-program package.
 */
export interface SessionState {
  user: SessionUser | null
  me: Me | null
}

let state: SessionState = { user: loadStoredSession()?.user ?? null, me: null }
const listeners = new Set<() => void>()

function setState(next: Partial<SessionState>): void {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const getSession = (): SessionState => state

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession)
}

onSessionLost(() => setState({ user: null, me: null }))

export function isLoggedIn(): boolean {
  return loadStoredSession() !== null
}

export function signIn(pair: TokenPair): void {
  saveStoredSession(pair)
  setState({ user: pair.user, me: null })
}

/** Reloads /api/me; the role in it wins over the one remembered with the tokens. */
export async function refreshMe(): Promise<Me> {
  const me = await api.getMe()
  setState({ me, user: me.user })
  return me
}

export function setMe(me: Me): void {
  setState({ me, user: me.user })
}

export async function signOut(): Promise<void> {
  const stored = loadStoredSession()
  if (stored) {
    // Revoking is a courtesy to the server; leaving must work offline too.
    await api.logout(stored.refreshToken).catch(() => undefined)
  }
  clearStoredSession()
  setState({ user: null, me: null })
  await Taro.reLaunch({ url: LOGIN_PAGE })
}

/** For pages that need a login: sends the visitor to the login page when there is none. */
export function requireLogin(): boolean {
  if (isLoggedIn()) return true
  void Taro.reLaunch({ url: LOGIN_PAGE })
  return false
}
