// The state behind the users, tags, QR code, material and message endpoints, per account, seeded
// on first use with a few followers, a template, materials, a draft and a published article, so a
// test (or a person trying the extension) has something to list. Tests reach it through
// `fake.api` (server.ts) to seed more or look at what a call changed.
import { createHash } from 'node:crypto';

export interface FakeFollower {
  readonly openid: string;
  tags: number[];
  /** When the follower last wrote to the account (opens the 48-hour customer-service window); undefined: never. */
  lastMessageAt?: number;
  /** Subscription messages the follower accepted and not yet used, by template id. */
  accepted: Map<string, number>;
  subscribeTime: number;
}

export interface FakeTag {
  readonly id: number;
  name: string;
  /** Followers beyond those in the follower list (a big tag, to test 45057). */
  extraCount: number;
}

export interface FakeMaterial {
  readonly media_id: string;
  readonly type: 'image' | 'video' | 'voice' | 'news';
  readonly name: string;
  readonly update_time: number;
}

export interface FakeAccountData {
  followers: FakeFollower[];
  tags: FakeTag[];
  nextTagId: number;
  /** Template-message templates, then subscription templates. */
  templates: { template_id: string; title: string; content: string }[];
  subscriptionTemplates: string[];
  materials: FakeMaterial[];
  drafts: { media_id: string; title: string; update_time: number }[];
  published: { article_id: string; title: string; update_time: number }[];
  /** Permanent QR codes created so far (at most 100,000). */
  permanentQrCodes: number;
}

/** An openid-like id (28 characters starting with "o"), the same for the same account and seed. */
export function fakeOpenid(appId: string, seed: string): string {
  return `o${createHash('sha256').update(`${appId}/${seed}`).digest('base64url').slice(0, 27)}`;
}

export const SEEDED_TEMPLATE_ID = 'tplFakeOrderShipped0000000000000000000000001';
export const SEEDED_SUBSCRIPTION_TEMPLATE_ID = 'subFakeReminder000000000000000000000000001';

export class ApiState {
  private readonly data = new Map<string, FakeAccountData>();

  constructor(private readonly now: () => number) {}

  /** The account's data, seeded on first use. */
  of(appId: string): FakeAccountData {
    let data = this.data.get(appId);
    if (!data) {
      data = this.seed(appId);
      this.data.set(appId, data);
    }
    return data;
  }

  follower(appId: string, openid: unknown): FakeFollower | undefined {
    return typeof openid === 'string' ? this.of(appId).followers.find((f) => f.openid === openid) : undefined;
  }

  /** Adds a follower (or returns the existing one) for tests. */
  addFollower(appId: string, openid: string, lastMessageAt?: number): FakeFollower {
    const existing = this.follower(appId, openid);
    if (existing) return existing;
    const follower: FakeFollower = {
      openid,
      tags: [],
      accepted: new Map(),
      subscribeTime: Math.floor(this.now() / 1000),
      ...(lastMessageAt === undefined ? {} : { lastMessageAt }),
    };
    this.of(appId).followers.push(follower);
    return follower;
  }

  private seed(appId: string): FakeAccountData {
    const t = this.now();
    const day = 86_400_000;
    const followers: FakeFollower[] = [0, 1, 2].map((i) => ({
      openid: fakeOpenid(appId, `follower${i}`),
      tags: [],
      // The first wrote an hour ago (inside the 48-hour window), the second three days ago, the third never.
      ...(i === 0 ? { lastMessageAt: t - 3600_000 } : i === 1 ? { lastMessageAt: t - 3 * day } : {}),
      accepted: new Map([[SEEDED_SUBSCRIPTION_TEMPLATE_ID, 1]]),
      subscribeTime: Math.floor((t - (i + 1) * day) / 1000),
    }));
    const sec = Math.floor(t / 1000);
    return {
      followers,
      tags: [{ id: 2, name: '星标组', extraCount: 0 }],
      nextTagId: 100,
      templates: [
        {
          template_id: SEEDED_TEMPLATE_ID,
          title: 'Order shipped',
          content: 'Item: {{thing1.DATA}}\nOrder: {{character_string2.DATA}}\nAmount: {{amount3.DATA}}',
        },
      ],
      subscriptionTemplates: [SEEDED_SUBSCRIPTION_TEMPLATE_ID],
      materials: [
        { media_id: `img-${fakeOpenid(appId, 'img0').slice(1, 20)}`, type: 'image', name: 'banner.png', update_time: sec },
        { media_id: `img-${fakeOpenid(appId, 'img1').slice(1, 20)}`, type: 'image', name: 'logo.png', update_time: sec },
        { media_id: `voice-${fakeOpenid(appId, 'voice0').slice(1, 20)}`, type: 'voice', name: 'hello.mp3', update_time: sec },
        { media_id: `news-${fakeOpenid(appId, 'news0').slice(1, 20)}`, type: 'news', name: 'Welcome', update_time: sec },
      ],
      drafts: [{ media_id: `draft-${fakeOpenid(appId, 'draft0').slice(1, 20)}`, title: 'Draft: next week', update_time: sec }],
      published: [{ article_id: `art-${fakeOpenid(appId, 'art0').slice(1, 20)}`, title: 'Hello, followers', update_time: sec }],
      permanentQrCodes: 0,
    };
  }
}
