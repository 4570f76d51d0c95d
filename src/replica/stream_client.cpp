#include "replica/stream_client.h"

#include <nats/nats.h>

namespace longstop::replica {
namespace {

core::Error natsError(std::string_view doing, natsStatus s, jsErrCode jerr = static_cast<jsErrCode>(0)) {
  std::string msg = std::string(doing) + ": " + natsStatus_GetText(s);
  if (jerr) msg += " (JetStream error " + std::to_string(static_cast<int>(jerr)) + ")";
  return core::storageError(msg);
}

class NatsClient final : public StreamClient {
 public:
  NatsClient(natsConnection* nc, jsCtx* js) : nc_(nc), js_(js) {}
  ~NatsClient() override {
    for (natsSubscription* sub : {sub_, answerSub_}) {
      if (!sub) continue;
      natsSubscription_Unsubscribe(sub);
      natsSubscription_Destroy(sub);
    }
    jsCtx_Destroy(js_);
    natsConnection_Destroy(nc_);
  }

  core::Status ensureStream(std::string_view stream, std::string_view subject,
                            int32_t maxMessageBytes) override {
    const std::string name(stream), subj(subject);
    jsStreamInfo* si = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    if (js_GetStreamInfo(&si, js_, name.c_str(), nullptr, &jerr) == NATS_OK) {
      jsStreamInfo_Destroy(si);
      return core::okStatus();
    }
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = name.c_str();
    const char* subjects[] = {subj.c_str()};
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Storage = js_FileStorage;
    cfg.Replicas = 1;
    cfg.MaxMsgSize = maxMessageBytes;
    cfg.Duplicates = static_cast<int64_t>(120) * 1000 * 1000 * 1000;  // two minutes, in nanoseconds
    jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_AddStream(&si, js_, &cfg, nullptr, &jerr);
    if (s != NATS_OK) return natsError("Could not create the stream " + name, s, jerr);
    jsStreamInfo_Destroy(si);
    return core::okStatus();
  }

  core::Result<uint64_t> publish(std::string_view subject, std::string_view msgId,
                                 std::string_view data) override {
    jsPubOptions opts;
    jsPubOptions_Init(&opts);
    const std::string id(msgId);
    opts.MsgId = id.c_str();
    opts.MaxWait = 5000;
    jsPubAck* ack = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const std::string subj(subject);
    natsStatus s =
        js_Publish(&ack, js_, subj.c_str(), data.data(), static_cast<int>(data.size()), &opts, &jerr);
    if (s != NATS_OK) return natsError("Could not publish " + id, s, jerr);
    const uint64_t seq = ack->Sequence;
    jsPubAck_Destroy(ack);
    return seq;
  }

  core::Status publishRaw(std::string_view subject, std::string_view data) override {
    const std::string subj(subject);
    natsStatus s = natsConnection_Publish(nc_, subj.c_str(), data.data(), static_cast<int>(data.size()));
    if (s == NATS_OK) s = natsConnection_FlushTimeout(nc_, 5000);
    if (s != NATS_OK) return natsError("Could not publish", s);
    return core::okStatus();
  }

  core::Result<std::optional<StoredMessage>> get(std::string_view stream, uint64_t seq) override {
    natsMsg* msg = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const std::string name(stream);
    natsStatus s = js_GetMsg(&msg, js_, name.c_str(), seq, nullptr, &jerr);
    if (s == NATS_NOT_FOUND || jerr == JSNoMessageFoundErr) return std::optional<StoredMessage>();
    if (s != NATS_OK)
      return natsError("Could not read message " + std::to_string(seq) + " of " + name, s, jerr);
    StoredMessage out{seq,
                      std::string(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)))};
    natsMsg_Destroy(msg);
    return std::optional<StoredMessage>(std::move(out));
  }

  // The bell is owned by the subscription: libnats may still be running the handler when this client
  // unsubscribes, so it is freed by the completion callback, after the handler's last return.
  core::Status watch(std::string_view subject, std::function<void()> ring) override {
    if (sub_) return core::internalError("This connection already watches a subject.");
    auto* bell = new std::function<void()>(std::move(ring));
    const std::string subj(subject);
    natsStatus s = natsConnection_Subscribe(&sub_, nc_, subj.c_str(), &NatsClient::onMessage, bell);
    if (s == NATS_OK) s = natsSubscription_SetOnCompleteCB(sub_, &NatsClient::onComplete, bell);
    if (s != NATS_OK) {
      if (sub_) {
        natsSubscription_Unsubscribe(sub_);
        natsSubscription_Destroy(sub_);
        sub_ = nullptr;
      } else {
        delete bell;
      }
      return natsError("Could not watch " + subj, s);
    }
    return core::okStatus();
  }

  core::Result<uint64_t> lastSeq(std::string_view stream) override {
    jsStreamInfo* si = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const std::string name(stream);
    natsStatus s = js_GetStreamInfo(&si, js_, name.c_str(), nullptr, &jerr);
    if (s != NATS_OK) return natsError("Could not read the stream " + name, s, jerr);
    const uint64_t last = si->State.LastSeq;
    jsStreamInfo_Destroy(si);
    return last;
  }

  core::Result<std::string> request(std::string_view subject, std::string_view data,
                                    int64_t timeoutMs) override {
    natsMsg* reply = nullptr;
    const std::string subj(subject);
    natsStatus s = natsConnection_Request(&reply, nc_, subj.c_str(), data.data(),
                                          static_cast<int>(data.size()), timeoutMs);
    if (s == NATS_NO_RESPONDERS) return core::notFound("Nothing answers on " + subj + ".");
    if (s != NATS_OK) return natsError("No answer on " + subj, s);
    std::string out(natsMsg_GetData(reply), static_cast<size_t>(natsMsg_GetDataLength(reply)));
    natsMsg_Destroy(reply);
    return out;
  }

  // As watch(): the handler is owned by the subscription and freed after its last call.
  core::Status answer(std::string_view subject,
                      std::function<std::string(std::string_view)> answer) override {
    if (answerSub_) return core::internalError("This connection already answers a subject.");
    auto* handler = new Answerer{nc_, std::move(answer)};
    const std::string subj(subject);
    natsStatus s = natsConnection_Subscribe(&answerSub_, nc_, subj.c_str(), &NatsClient::onRequest, handler);
    if (s == NATS_OK)
      s = natsSubscription_SetOnCompleteCB(answerSub_, &NatsClient::onAnswerComplete, handler);
    if (s == NATS_OK) s = natsConnection_FlushTimeout(nc_, 5000);
    if (s != NATS_OK) {
      if (answerSub_) {
        natsSubscription_Unsubscribe(answerSub_);
        natsSubscription_Destroy(answerSub_);
        answerSub_ = nullptr;
      } else {
        delete handler;
      }
      return natsError("Could not answer on " + subj, s);
    }
    return core::okStatus();
  }

  bool connected() override { return natsConnection_Status(nc_) == NATS_CONN_STATUS_CONNECTED; }

 private:
  struct Answerer {
    natsConnection* nc;
    std::function<std::string(std::string_view)> answer;
  };
  static void onRequest(natsConnection*, natsSubscription*, natsMsg* msg, void* h) {
    auto* a = static_cast<Answerer*>(h);
    const char* replyTo = natsMsg_GetReply(msg);
    const std::string reply =
        a->answer(std::string_view(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))));
    if (replyTo && *replyTo)
      (void)natsConnection_Publish(a->nc, replyTo, reply.data(), static_cast<int>(reply.size()));
    natsMsg_Destroy(msg);
  }
  static void onAnswerComplete(void* h) { delete static_cast<Answerer*>(h); }
  static void onMessage(natsConnection*, natsSubscription*, natsMsg* msg, void* bell) {
    natsMsg_Destroy(msg);
    (*static_cast<std::function<void()>*>(bell))();
  }
  static void onComplete(void* bell) { delete static_cast<std::function<void()>*>(bell); }

  natsConnection* nc_;
  jsCtx* js_;
  natsSubscription* sub_ = nullptr;
  natsSubscription* answerSub_ = nullptr;
};

}  // namespace

core::Result<std::unique_ptr<StreamClient>> connectNats(const std::string& url, int64_t timeoutMs) {
  natsOptions* opts = nullptr;
  if (natsOptions_Create(&opts) != NATS_OK) return core::internalError("Could not set up a NATS connection.");
  natsOptions_SetURL(opts, url.c_str());
  natsOptions_SetTimeout(opts, timeoutMs);
  natsOptions_SetAllowReconnect(opts, false);
  natsConnection* nc = nullptr;
  natsStatus s = natsConnection_Connect(&nc, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return natsError("Could not connect to " + url, s);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = timeoutMs;
  jsCtx* js = nullptr;
  s = natsConnection_JetStream(&js, nc, &jo);
  if (s != NATS_OK) {
    natsConnection_Destroy(nc);
    return natsError("Could not use JetStream on " + url, s);
  }
  return std::unique_ptr<StreamClient>(std::make_unique<NatsClient>(nc, js));
}

}  // namespace longstop::replica
