// The menu "New Menu File" starts from: every common button type, valid as it stands (a unit
// test keeps it so), with placeholders that are obviously meant to be replaced.
import { Menu } from './model';

export const SAMPLE_MENU: Menu = {
  button: [
    { type: 'click', name: '今日推荐', key: 'TODAY_RECOMMENDATION' },
    {
      name: '服务',
      sub_button: [
        { type: 'view', name: '官网', url: 'https://www.example.com/' },
        {
          type: 'miniprogram',
          name: '小程序',
          url: 'https://www.example.com/mini-fallback',
          appid: 'wx0000000000000000',
          pagepath: 'pages/index/index',
        },
        { type: 'scancode_push', name: '扫一扫', key: 'SCAN_PUSH' },
        { type: 'pic_photo_or_album', name: '拍照或相册', key: 'PHOTO_OR_ALBUM' },
        { type: 'location_select', name: '发送位置', key: 'SEND_LOCATION' },
      ],
    },
    {
      name: '关于',
      sub_button: [
        { type: 'article_id', name: '品牌故事', article_id: 'REPLACE_WITH_ARTICLE_ID' },
        { type: 'media_id', name: '联系我们', media_id: 'REPLACE_WITH_MEDIA_ID' },
        { type: 'view', name: '帮助中心', url: 'https://help.example.com/faq' },
      ],
    },
  ],
};
