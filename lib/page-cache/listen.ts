// One LISTEN connection per web process, feeding announcements into its page cache. While the
// connection is down nothing may be served from the cache (an announcement could be missed), so
// the cache is cleared and `connected` is false until it is back.
import pg from "pg";
import { PAGE_CACHE_CHANNEL } from "./announce";

export type Listener = { readonly connected: boolean; stop(): Promise<void> };

export function listenForPageChanges(databaseUrl: string, onTags: (tags: string[]) => void, onLost: () => void): Listener {
  let client: pg.Client | undefined;
  let connected = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const lost = () => {
    if (connected) onLost();
    connected = false;
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = undefined;
    if (!stopped) {
      retry = setTimeout(connect, 2000);
      retry.unref();
    }
  };

  const connect = () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "blogatlas-page-cache" });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === PAGE_CACHE_CHANNEL && message.payload) onTags(message.payload.split(" ").filter(Boolean));
    });
    next.on("error", lost);
    next.on("end", () => {
      if (client === next) lost();
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${PAGE_CACHE_CHANNEL}`))
      .then(() => {
        if (client === next) connected = true;
      })
      .catch(lost);
  };

  connect();
  return {
    get connected() {
      return connected;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      connected = false;
      await current?.end().catch(() => {});
    },
  };
}
