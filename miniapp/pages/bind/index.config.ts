export default definePageConfig({
  navigationBarTitleText: '绑定我的楼栋',
})
