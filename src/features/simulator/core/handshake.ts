// The GET handshake WeChat performs when the URL is saved in the console (验证服务器地址): the server
// checks signature = sha1(sorted Token, timestamp, nonce) and must answer echostr, and nothing else.
import { problem } from './problems';
import { Exchange } from './timedRequest';
import { SimulationProblem } from './types';

const EXCERPT = 80;

/** A timeout in seconds, as the problems say it (one decimal). */
const seconds = (ms: number): number => Number((ms / 1000).toFixed(1));

/** Problems with a push or URL-check exchange that got no HTTP answer at all. */
export function noAnswerProblem(exchange: Exclude<Exchange, { outcome: 'response' }>, url: string, timeoutMs: number): SimulationProblem {
  switch (exchange.outcome) {
    case 'timeout':
      return problem('timeout', seconds(timeoutMs));
    case 'refused':
      return problem('refused', new URL(url).host);
    case 'network':
      return problem('network', new URL(url).host, exchange.detail);
  }
}

/** Empty when the server echoed exactly; otherwise why the console would refuse the URL. */
export function handshakeProblems(exchange: Exchange, echostr: string, url: string, timeoutMs: number): SimulationProblem[] {
  if (exchange.outcome === 'timeout') {
    // The push's timeout advice (answer "success", reply later) does not fit the GET.
    return [problem('handshakeTimeout', seconds(timeoutMs))];
  }
  if (exchange.outcome !== 'response') return [noAnswerProblem(exchange, url, timeoutMs)];
  const { status, body } = exchange.response;
  if (status === 401 || status === 403) return [problem('handshakeRejected', status)];
  if (status !== 200) return [problem('httpStatus', status)];
  if (body === echostr) return [];
  if (body.trim() === '') return [problem('handshakeNoEcho')];
  const excerpt = body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
  return [problem('handshakeWrongEcho', JSON.stringify(excerpt))];
}

/** Whether a failed URL check points at the Token (the server's signature check said no). */
export function blamesToken(problems: readonly SimulationProblem[]): boolean {
  return problems.some((p) => p.code === 'handshakeRejected' || p.code === 'handshakeNoEcho' || p.code === 'handshakeWrongEcho');
}
