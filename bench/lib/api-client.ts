export interface BenchUser {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly accessToken: string;
}

export const BENCH_PASSWORD = 'bench password 1234';

interface Envelope<T> {
  readonly success: boolean;
  readonly message?: string;
  readonly data?: T;
}

export const postJson = async <T>(url: string, body: unknown, token?: string): Promise<T> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as Envelope<T>;
  if (!response.ok || !envelope.success || envelope.data === undefined) {
    throw new Error(`POST ${new URL(url).pathname}: ${response.status} ${envelope.message ?? ''}`);
  }
  return envelope.data;
};

export const getJson = async <T>(url: string, token?: string): Promise<T> => {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const envelope = (await response.json()) as Envelope<T>;
  if (!response.ok || !envelope.success || envelope.data === undefined) {
    throw new Error(`GET ${new URL(url).pathname}: ${response.status} ${envelope.message ?? ''}`);
  }
  return envelope.data;
};

/** Registers `count` users over REST, `concurrency` at a time. */
export const registerUsers = async (
  baseUrl: string,
  count: number,
  namePrefix: string,
  concurrency = 16,
): Promise<BenchUser[]> => {
  const users: BenchUser[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const username = `${namePrefix}_${i}`;
      const data = await postJson<{ user: { id: string }; accessToken: string }>(`${baseUrl}/api/auth/register`, {
        username,
        email: `${username}@bench.example.com`,
        password: BENCH_PASSWORD,
      });
      users[i] = { id: data.user.id, username, email: `${username}@bench.example.com`, accessToken: data.accessToken };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return users;
};

export const logIn = (baseUrl: string, email: string): Promise<{ accessToken: string }> =>
  postJson(`${baseUrl}/api/auth/login`, { email, password: BENCH_PASSWORD });
