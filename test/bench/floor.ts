// The floor the client is measured against: bare undici requests with the client's headers and
// pool size, `JSON.parse` and nothing else — no retries, no shape checks, no iterator. For the
// all-pages row it fetches page 0, learns lastPage, then keeps `concurrency` requests in flight
// (a plain worker pool, the cheapest schedule there is) and concatenates the pages in order.
import { Pool } from 'undici';

interface PageBody<T> {
  metadata: { lastPage: number };
  items: T[];
}

export class BareApi {
  private readonly pool: Pool;
  private readonly headers: Record<string, string>;

  constructor(baseUrl: string, token: string, userAgent: string, connections: number) {
    this.pool = new Pool(baseUrl, { connections });
    this.headers = { authorization: `Bearer ${token}`, 'user-agent': userAgent, accept: 'application/json' };
  }

  async get<T>(pathAndQuery: string): Promise<T> {
    const response = await this.pool.request({ method: 'GET', path: pathAndQuery, headers: this.headers });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET ${pathAndQuery} → HTTP ${response.statusCode}`);
    return JSON.parse(text) as T;
  }

  /** Every item of a paged list, `concurrency` page requests at a time after page 0. */
  async allPages<T>(path: string, query: string, concurrency: number): Promise<T[]> {
    const url = (page: number): string => `${path}?${query}&page=${page}`;
    const first = await this.get<PageBody<T>>(url(0));
    const pages: T[][] = [first.items];
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next <= first.metadata.lastPage) {
        const page = next++;
        pages[page] = (await this.get<PageBody<T>>(url(page))).items;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return pages.flat();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
