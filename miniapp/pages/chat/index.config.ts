export default definePageConfig({
  navigationBarTitleText: '在线留言',
  // The conversation scrolls inside its own list; the input bar stays put.
  disableScroll: true,
})
