import Taro from '@tarojs/taro'

/** Opens the phone dialer. Cancelling the dialer rejects; that is the user's choice, not an error. */
export function callPhone(phoneNumber: string): void {
  void Promise.resolve(Taro.makePhoneCall({ phoneNumber })).catch(() => undefined)
}
