export default definePageConfig({
  navigationBarTitleText: '问题类别与办理时限',
})
