export default definePageConfig({
  navigationBarTitleText: '工单统计',
})
