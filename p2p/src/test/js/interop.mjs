// A js-libp2p peer driven by LibP2pInteropIT over stdin/stdout, one JSON object per line.
// It listens on 127.0.0.1, prints {"event":"ready",...}, then runs the commands it is sent:
//   {"cmd":"dial","addr":"/ip4/.../p2p/<java>"}   dial the Java node, ping it, identify it, echo through it
//   {"cmd":"check","peer":"<java peer id>"}      on the connection the Java node opened: ping and identify
//   {"cmd":"hangup","peer":"<id>"}                close connections to a peer
//   {"cmd":"exit"}
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { createInterface } from 'node:readline'
import { randomBytes } from 'node:crypto'

const ECHO = '/interop/echo/1.0.0'
const AGENT = 'js-interop/1.0.0'

setTimeout(() => { out({ event: 'error', message: 'interop script timed out' }); process.exit(2) }, 55_000).unref()

function out (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  nodeInfo: { userAgent: AGENT },
  services: {
    identify: identify(),
    ping: ping()
  }
})

await node.handle(ECHO, async (stream) => {
  for await (const chunk of stream) {
    if (!stream.send(chunk)) {
      await stream.onDrain()
    }
  }
  await stream.close()
})

function describe (result) {
  return {
    peerId: result.peerId.toString(),
    agentVersion: result.agentVersion,
    protocolVersion: result.protocolVersion,
    protocols: result.protocols,
    listenAddrs: result.listenAddrs.map(a => a.toString()),
    observedAddr: result.observedAddr?.toString()
  }
}

async function echoThrough (connection, size) {
  const stream = await connection.newStream(ECHO)
  const payload = randomBytes(size)
  const received = []
  let total = 0
  const reading = (async () => {
    for await (const chunk of stream) {
      const bytes = chunk.subarray()
      received.push(Buffer.from(bytes))
      total += bytes.length
    }
  })()
  for (let offset = 0; offset < size; offset += 65536) {
    if (!stream.send(payload.subarray(offset, Math.min(size, offset + 65536)))) {
      await stream.onDrain()
    }
  }
  await stream.close()
  await reading
  return total === size && Buffer.concat(received).equals(payload)
}

async function exercise (connection) {
  const rtt = await node.services.ping.ping(connection.remoteAddr)
  const identified = await node.services.identify.identify(connection)
  const echoed = await echoThrough(connection, 1 << 20)
  return { rtt, identify: describe(identified), echoed, direction: connection.direction }
}

const commands = createInterface({ input: process.stdin })
out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(a => a.toString()), agentVersion: AGENT })

for await (const line of commands) {
  let cmd
  try {
    cmd = JSON.parse(line)
    if (cmd.cmd === 'dial') {
      const connection = await node.dial(multiaddr(cmd.addr))
      out({ event: 'dialed', ...(await exercise(connection)) })
    } else if (cmd.cmd === 'check') {
      const connection = node.getConnections(peerIdFromString(cmd.peer)).find(c => c.direction === 'inbound')
      if (connection == null) {
        throw new Error('no inbound connection from ' + cmd.peer)
      }
      out({ event: 'checked', ...(await exercise(connection)) })
    } else if (cmd.cmd === 'hangup') {
      await node.hangUp(peerIdFromString(cmd.peer))
      out({ event: 'hungup' })
    } else if (cmd.cmd === 'exit') {
      break
    }
  } catch (err) {
    out({ event: 'error', cmd: cmd?.cmd, message: String(err?.stack ?? err) })
  }
}
await node.stop()
process.exit(0)
