export default definePageConfig({
  navigationBarTitleText: '安居 · 24小时网上警局',
})
