// API diagnostics: why did a call fail (Look Up Request by rid, Show / Clear API Quota), the
// network (WeChat's server IPs, the callback check, the 40164 IP-whitelist fixes) and the JS-SDK
// signature of a page. The implementation (dist/diagnostics.js) loads on the first of its commands.
import {
  CALL_DIAGNOSTICS_COMMANDS,
  type CallDiagnosticsCommandId,
  JSSDK_COMMANDS,
  type JsSdkCommandId,
  NETWORK_COMMANDS,
  type NetworkCommandId,
} from '../../ui/commandIds';
import { type CommandTable, isConfigured } from '../../ui/commandTable';
import type { Feature } from '../../ui/feature';
import {
  API_DOMAIN_IP,
  CALLBACK_CHECK,
  CALLBACK_IP,
  CLEAR_QUOTA,
  CLEAR_QUOTA_V2,
  GET_TICKET,
  QUOTA_GET,
  RID_GET,
} from '../../wechat/endpoints';
import type { Diagnostics } from './ui/bundle';

type DiagnosticsCommandId = JsSdkCommandId | CallDiagnosticsCommandId | NetworkCommandId;

export const diagnosticsFeature: Feature<DiagnosticsCommandId, Diagnostics> = {
  id: 'diagnostics',
  // None is quota-listed: ../shared/wechat-api.md gives no daily limit for them (a path can still be typed in).
  endpoints: [QUOTA_GET, CLEAR_QUOTA, CLEAR_QUOTA_V2, RID_GET, GET_TICKET, API_DOMAIN_IP, CALLBACK_IP, CALLBACK_CHECK],
  contextKeys: [],
  commands(impl, context): CommandTable<DiagnosticsCommandId> {
    const t = context.localize;
    const calls = t('Why did a call fail?');
    const network = t('Network');
    return {
      [JSSDK_COMMANDS.jsSdkSignature]: {
        run: (invocation) => impl().jsSdk.run(invocation),
        pick: {
          group: t('Diagnostics'),
          label: `$(symbol-key) ${t('JS-SDK Signature for URL…')}`,
          detail: t('wx.config fields for a page behind a view button'),
          when: isConfigured,
        },
      },
      [CALL_DIAGNOSTICS_COMMANDS.lookUpRequest]: {
        run: (invocation) => impl().calls.lookUpRequest(invocation),
        pick: {
          group: calls,
          label: `$(search) ${t('Look Up Request')}`,
          detail: t('What WeChat received and answered for a rid from an errmsg'),
          when: isConfigured,
        },
      },
      [CALL_DIAGNOSTICS_COMMANDS.showApiQuota]: {
        run: (invocation) => impl().calls.showApiQuota(invocation),
        pick: {
          group: calls,
          label: `$(dashboard) ${t('Show API Quota')}`,
          detail: t('Daily limit, used and remaining calls per API'),
          when: isConfigured,
        },
      },
      [CALL_DIAGNOSTICS_COMMANDS.clearApiQuota]: {
        run: (invocation) => impl().calls.clearApiQuota(invocation),
        pick: {
          group: calls,
          label: `$(discard) ${t('Clear API Quota')}`,
          detail: t('Resets every daily count (10 times a month)'),
          when: isConfigured,
        },
      },
      [NETWORK_COMMANDS.showServerIps]: {
        run: () => impl().network.showServerIps(),
        pick: {
          group: network,
          label: `$(globe) ${t('Show WeChat Server IPs')}`,
          detail: t('API entry IPs (outbound rules) and callback IPs (inbound rules)'),
          when: isConfigured,
        },
      },
      [NETWORK_COMMANDS.checkCallbackNetwork]: {
        run: (invocation) => impl().network.checkCallbackNetwork(invocation),
        pick: {
          group: network,
          label: `$(pulse) ${t('Check Callback Network')}`,
          detail: t('WeChat resolves and pings your callback server'),
          when: isConfigured,
        },
      },
      [NETWORK_COMMANDS.copyCallerIp]: { run: () => impl().network.copyCallerIp() },
      [NETWORK_COMMANDS.openIpWhitelist]: { run: () => impl().network.openIpWhitelist() },
    };
  },
};
