// Conformance of hoga-exchange-sim with a widely used third-party Binance futures client
// (npm "binance", version locked in package-lock.json): if this client can sync a book, trade and
// follow its user stream against the simulator, the simulator speaks Binance, not just Hoga.
//
// usage: node conformance.mjs <hoga-exchange-sim> <recording> [accounts.json]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { USDMClient, WebsocketClient, DefaultLogger } from 'binance';

const [simExe, recording, accountsFile] = process.argv.slice(2);
if (!simExe || !recording) {
  console.error('usage: node conformance.mjs <hoga-exchange-sim> <recording> [accounts.json]');
  process.exit(2);
}
// The simulator's demo account (a simulator key, not a secret: see docs/exchange-simulator.md).
const API_KEY = process.env.HOGA_SIM_API_KEY ?? 'hoga-sim-demo-key-0000000000000000000000000000000000000000000000';
const API_SECRET = process.env.HOGA_SIM_API_SECRET ?? 'hoga-sim-demo-secret-000000000000000000000000000000000000000000000';

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`PASS ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error?.message ?? JSON.stringify(error)}`);
  }
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- start the simulator and read its addresses -------------------------------------------
const simArgs = ['--replay', recording, '--speed', '5'];
if (accountsFile) simArgs.push('--accounts', accountsFile);
const sim = spawn(simExe, simArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
const lines = createInterface({ input: sim.stdout });
const [firstLine] = await Promise.race([
  once(lines, 'line'),
  sleep(20000).then(() => { throw new Error('simulator did not start'); }),
]);
const { rest, ws } = JSON.parse(firstLine);
console.log(`simulator at ${rest} and ${ws}`);

const quietLogger = { ...DefaultLogger, trace: () => {}, info: () => {} };
const client = new USDMClient({ api_key: API_KEY, api_secret: API_SECRET, baseUrl: rest });
const wsClient = new WebsocketClient(
  { api_key: API_KEY, api_secret: API_SECRET, wsUrl: ws, restOptions: { baseUrl: rest } },
  quietLogger,
);

try {
  await step('exchangeInfo lists BTCUSDT with its filters', async () => {
    const info = await client.getExchangeInfo();
    const btc = info.symbols.find((s) => s.symbol === 'BTCUSDT');
    check(btc, 'BTCUSDT missing');
    const price = btc.filters.find((f) => f.filterType === 'PRICE_FILTER');
    const lot = btc.filters.find((f) => f.filterType === 'LOT_SIZE');
    check(Number(price.tickSize) === 0.1, `tickSize ${price.tickSize}`);
    check(Number(lot.stepSize) === 0.001, `stepSize ${lot.stepSize}`);
  });

  await step('a local book kept from the diff stream matches a fresh snapshot', async () => {
    // Binance's procedure (API_FACTS §3): buffer, snapshot, drop u < lastUpdateId, the first event
    // must bracket it, then every pu must equal the previous u.
    const buffered = [];
    const book = { bids: new Map(), asks: new Map(), lastU: 0, L: null, started: false, gaps: 0 };
    const apply = (side, levels) => {
      for (const [price, qty] of levels) {
        if (Number(qty) === 0) side.delete(price); else side.set(price, qty);
      }
    };
    const process = (e) => {
      if (e.u < book.L) return;
      if (!book.started) {
        check(e.U <= book.L && e.u >= book.L, `first event ${e.U}..${e.u} does not bracket ${book.L}`);
        book.started = true;
      } else if (e.pu !== book.lastU) {
        book.gaps += 1;
      }
      apply(book.bids, e.b);
      apply(book.asks, e.a);
      book.lastU = e.u;
    };
    wsClient.on('message', (msg) => {
      const data = msg?.data ?? msg;
      if (data?.e !== 'depthUpdate') return;
      if (book.L === null) buffered.push(data); else process(data);
    });
    await wsClient.subscribe(['btcusdt@depth@100ms'], 'usdm');
    while (buffered.length === 0) await sleep(50);
    const snapshot = await client.getOrderBook({ symbol: 'BTCUSDT', limit: 1000 });
    apply(book.bids, snapshot.bids);
    apply(book.asks, snapshot.asks);
    book.L = snapshot.lastUpdateId;
    for (const e of buffered.splice(0)) process(e);
    await sleep(3000);
    check(book.started, 'no event bracketed the snapshot');
    check(book.gaps === 0, `${book.gaps} gaps`);
    const bestBid = [...book.bids.keys()].map(Number).sort((a, b) => b - a)[0];
    const bestAsk = [...book.asks.keys()].map(Number).sort((a, b) => a - b)[0];
    check(bestBid < bestAsk, `crossed book ${bestBid} / ${bestAsk}`);
    const later = await client.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
    check(Math.abs(Number(later.bids[0][0]) - bestBid) < 50, 'best bid far from the snapshot');
  });

  await step('place and cancel a signed limit order', async () => {
    const depth = await client.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
    const price = (Math.floor(Number(depth.bids[0][0]) * 0.98 * 10) / 10).toFixed(1);
    const order = await client.submitNewOrder({
      symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 0.002, price,
    });
    check(order.orderId && order.status === 'NEW', `order ${JSON.stringify(order)}`);
    const open = await client.getAllOpenOrders({ symbol: 'BTCUSDT' });
    check(open.some((o) => o.orderId === order.orderId), 'order not listed as open');
    const cancelled = await client.cancelOrder({ symbol: 'BTCUSDT', orderId: order.orderId });
    check(cancelled.status === 'CANCELED', `cancel ${JSON.stringify(cancelled)}`);
  });

  await step('a market order opens a position, seen in positionRisk, balance and the user stream', async () => {
    const updates = [];
    wsClient.on('message', (msg) => {
      const data = msg?.data ?? msg;
      if (data?.e === 'ORDER_TRADE_UPDATE' || data?.e === 'ACCOUNT_UPDATE') updates.push(data);
    });
    await wsClient.subscribeUsdFuturesUserDataStream();
    await sleep(500);
    const order = await client.submitNewOrder({
      symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.002, newOrderRespType: 'RESULT',
    });
    check(order.status === 'FILLED', `market order ${JSON.stringify(order)}`);
    const positions = await client.getPositionsV3({ symbol: 'BTCUSDT' });
    const position = positions.find((p) => p.symbol === 'BTCUSDT');
    check(position && Number(position.positionAmt) === 0.002, `position ${JSON.stringify(positions)}`);
    const balances = await client.getBalanceV3();
    check(balances.some((b) => b.asset === 'USDT'), 'no USDT balance');
    for (let i = 0; i < 40 && !updates.some((u) => u.e === 'ORDER_TRADE_UPDATE'); i += 1) await sleep(100);
    const fill = updates.find((u) => u.e === 'ORDER_TRADE_UPDATE' && u.o?.X === 'FILLED');
    check(fill && fill.o.i === order.orderId, 'no ORDER_TRADE_UPDATE for the fill');
    check(updates.some((u) => u.e === 'ACCOUNT_UPDATE'), 'no ACCOUNT_UPDATE');
    await client.submitNewOrder({
      symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: 0.002, reduceOnly: 'true',
    });
  });
} finally {
  wsClient.closeAll(true);
  sim.kill('SIGTERM');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
