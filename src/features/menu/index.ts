// The custom-menu feature's face to the rest of the extension.
export type { ChatStrings, ChatView, ExchangeView, NewsCardView, ProblemView, ReplyView, TextSegment } from './core/preview/chatView';
export type { EventButtonType } from './core/rules/buttons';
export { mayBeMenuDocument } from './ui/menuDetection';
