// A recording subscribe endpoint for the subscribe specs: the generic JSON contract the
// app's `generic_json` adapter speaks (201 new, 409 already subscribed, 400 invalid, a
// repeated Idempotency-Key replays its first answer), open CORS, and every POST kept
// for assertions; paths under /nocors/ answer like an embed-form provider, without CORS.
// Each test uses its own path, so parallel tests never see each other.
import http from "node:http";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
  "Access-Control-Expose-Headers": "Retry-After",
};

/** CORS headers for responses a test fabricates with `route.fulfill`. */
export const corsHeaders = { ...CORS, "Content-Type": "application/json" };

/** Starts the recorder on a free port; `close()` stops it. */
export async function startRecorder() {
  const posts = []; // { path, headers, body }
  const subscriptions = []; // { path, body }
  const answers = new Map(); // path + key -> { status, text }
  const server = http.createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      return res.end();
    }
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      let body = null;
      try {
        body = JSON.parse(data);
      } catch {}
      const path = req.url;
      posts.push({ path, headers: req.headers, body, raw: data });
      if (path.startsWith("/nocors/")) {
        // Like Buttondown's or Mailchimp's embed endpoints: a page, and no CORS headers.
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        return res.end("<p>Thanks!</p>");
      }
      const key = req.headers["idempotency-key"];
      const reply = (status, obj) => {
        const answer = { status, text: JSON.stringify(obj) };
        if (key) answers.set(path + key, answer);
        res.writeHead(status, corsHeaders);
        res.end(answer.text);
      };
      const previous = key && answers.get(path + key);
      if (previous) {
        res.writeHead(previous.status, corsHeaders);
        return res.end(previous.text);
      }
      const email = String(body?.email ?? "").toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) return reply(400, { error: "invalid_email" });
      if (subscriptions.some((s) => s.path === path && s.body.email.toLowerCase() === email)) {
        return reply(409, { status: "already_subscribed" });
      }
      subscriptions.push({ path, body });
      reply(201, { status: "subscribed" });
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** POSTs that reached `path`. */
    postsTo: (path) => posts.filter((p) => p.path === path),
    /** New subscriptions recorded at `path`. */
    subscriptionsAt: (path) => subscriptions.filter((s) => s.path === path),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
