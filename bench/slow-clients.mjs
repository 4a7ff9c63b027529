// Holds N connections to a server from one source address, each sending a request that
// never completes: half stop after part of the request line, half trickle a header byte
// every 200 ms (and reconnect when the server closes them). Stops by itself after the
// given seconds. Loopback only.
//
// usage: node bench/slow-clients.mjs PORT CONNECTIONS SECONDS [SOURCE_ADDRESS]
import net from 'node:net';

const [port, count, seconds, source = '127.0.0.2'] = process.argv.slice(2);
const target = { host: '127.0.0.1', port: Number(port), localAddress: source };
const until = Date.now() + Number(seconds) * 1000;
const open = new Set();
let opened = 0;

function hold(trickle) {
  if (Date.now() >= until) return;
  const socket = net.connect(target);
  opened++;
  socket.on('connect', () => socket.write(trickle ? 'GET / HTTP/1.1\r\nX-Slow: ' : 'GET /api/search?q=co'));
  socket.on('error', () => {});
  socket.on('close', () => {
    open.delete(socket);
    setTimeout(() => hold(trickle), 100);  // come back, as a persistent attacker would
  });
  open.add(socket);
  if (trickle) {
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write('a')), 200);
    socket.on('close', () => clearInterval(timer));
  }
}

for (let i = 0; i < Number(count); i++) hold(i % 2 === 1);
const report = setInterval(() => {
  if (Date.now() < until) return;
  clearInterval(report);
  console.log(`slow clients: ${opened} connections opened, ${open.size} still open at the end`);
  for (const socket of open) socket.destroy();
  process.exit(0);
}, 250);
