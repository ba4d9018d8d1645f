// WeChat answered errcode 0 but without the field the API documents. That happens behind a
// gateway (wechat.apiBaseUrl) that rewrites answers, so the fix points there, not at WeChat.
import type { FixAction } from '../../../../common/fixAction';
import { formatMessage, Localize } from '../../../../common/localize';
import { WeChatError } from '../../../../wechat/errors';

export class UnexpectedAnswerError extends WeChatError {
  static override readonly brand: string = 'UnexpectedAnswerError';

  constructor(
    readonly apiPath: string,
    /** The documented field that is missing or of the wrong type, e.g. `ip_list`. */
    readonly field: string,
  ) {
    super(`WeChat ${apiPath}: the answer has no valid ${field}`);
    this.name = 'UnexpectedAnswerError';
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    return localize(
      'WeChat\'s answer to {0} has no valid "{1}". If "wechat.apiBaseUrl" points at a gateway, check that it passes WeChat\'s answers through unchanged; the log has the details.',
      this.apiPath,
      this.field,
    );
  }
}
