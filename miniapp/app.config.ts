export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/bind/index',
    'pages/join/index',
    'pages/stats/index',
    'pages/categories/index',
    'pages/tickets/index',
    'pages/report/index',
    'pages/ticket/index',
    'pages/messages/index',
    'pages/chat/index',
    'pages/notice-compose/index',
  ],
  window: {
    navigationBarBackgroundColor: '#1a4fa0',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '安居',
    backgroundColor: '#f2f5fa',
    backgroundTextStyle: 'dark',
  },
  // 上报 lets the resident pin the problem on a map; WeChat requires the API to be declared.
  requiredPrivateInfos: ['chooseLocation'],
  tabBar: {
    color: '#3d4450',
    selectedColor: '#1a4fa0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/tickets/index',
        text: '工单',
        iconPath: 'assets/tabbar/tickets.png',
        selectedIconPath: 'assets/tabbar/tickets-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tabbar/messages.png',
        selectedIconPath: 'assets/tabbar/messages-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
})
