// A js-libp2p gossipsub peer (@libp2p/gossipsub 17.x) driven by GossipInteropIT over stdin/stdout,
// one JSON object per line. Usage: node gossip.mjs StrictNoSign|StrictSign
// It listens on 127.0.0.1, prints {"event":"ready",...}, reports every message it receives as
// {"event":"message",...}, and runs the commands it is sent:
//   {"cmd":"dial","addr":"/ip4/.../p2p/<java>"}        dial the Java node
//   {"cmd":"subscribe","topic":"t"}                    subscribe (prints "subscribed")
//   {"cmd":"publish","topic":"t","data":"<hex>"}       publish (prints "published" with the recipients)
//   {"cmd":"mesh","topic":"t"}                         prints our mesh peers and the topic's subscribers
//   {"cmd":"exit"}
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { gossipsub } from '@libp2p/gossipsub'
import { multiaddr } from '@multiformats/multiaddr'
import { createInterface } from 'node:readline'

const policy = process.argv[2] ?? 'StrictNoSign'

setTimeout(() => { out({ event: 'error', message: 'gossip script timed out' }); process.exit(2) }, 110_000).unref()

function out (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

const hex = (bytes) => Buffer.from(bytes).toString('hex')

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  nodeInfo: { userAgent: 'js-gossip/1.0.0' },
  services: {
    identify: identify(),
    pubsub: gossipsub({
      globalSignaturePolicy: policy,
      allowPublishToZeroTopicPeers: true,
      fallbackToFloodsub: false,
      emitSelf: false
    })
  }
})

node.services.pubsub.addEventListener('gossipsub:message', (evt) => {
  const { propagationSource, msgId, msg } = evt.detail
  out({
    event: 'message',
    topic: msg.topic,
    data: hex(msg.data),
    type: msg.type,
    from: msg.type === 'signed' ? msg.from.toString() : null,
    seqno: msg.type === 'signed' ? msg.sequenceNumber.toString() : null,
    msgId,
    propagationSource: propagationSource.toString()
  })
})

const commands = createInterface({ input: process.stdin })
out({ event: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(a => a.toString()), policy })

for await (const line of commands) {
  let cmd
  try {
    cmd = JSON.parse(line)
    if (cmd.cmd === 'dial') {
      await node.dial(multiaddr(cmd.addr))
      out({ event: 'dialed' })
    } else if (cmd.cmd === 'subscribe') {
      node.services.pubsub.subscribe(cmd.topic)
      out({ event: 'subscribed', topic: cmd.topic })
    } else if (cmd.cmd === 'publish') {
      const result = await node.services.pubsub.publish(cmd.topic, Buffer.from(cmd.data, 'hex'))
      out({ event: 'published', recipients: result.recipients.map(p => p.toString()) })
    } else if (cmd.cmd === 'mesh') {
      out({
        event: 'mesh',
        mesh: node.services.pubsub.getMeshPeers(cmd.topic),
        subscribers: node.services.pubsub.getSubscribers(cmd.topic).map(p => p.toString())
      })
    } else if (cmd.cmd === 'exit') {
      break
    }
  } catch (err) {
    out({ event: 'error', cmd: cmd?.cmd, message: String(err?.stack ?? err) })
  }
}
await node.stop()
process.exit(0)
