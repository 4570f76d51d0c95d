// The whole loop: check-ins -> export -> verify -> decrypt -> Bundle and CSV hold each check-in once;
// ack -> retention -> personal data gone from the kiosk's files; the next export chains to the first.
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.h"
#include "crypto/primitives.h"
#include "exporter/ack.h"
#include "exporter/batch_file.h"
#include "exporter/chain.h"
#include "exporter/reconcile.h"
#include "fixture.h"
#include "service/admin.h"
#include "service/retention.h"
#include "service/site_check.h"
#include "store/checkins.h"
#include "support/damaged_record.h"

using namespace longstop;
using Json = nlohmann::json;

namespace {

exporter::Payload openFile(const std::filesystem::path& p, const exporter::OrgKeyPair& org) {
  auto batch = exporter::readBatchFile(test::readAll(p));
  REQUIRE(batch.ok());
  auto payload = exporter::openBatch(*batch, org);
  REQUIRE(payload.ok());
  return payload.value();
}

// record ID -> how many Encounters carry it.
std::map<std::string, int> encounterIds(const Json& bundle) {
  std::map<std::string, int> out;
  for (const auto& e : bundle["entry"])
    if (e["resource"]["resourceType"] == "Encounter")
      ++out[e["resource"]["identifier"][0]["value"].get<std::string>()];
  return out;
}

std::map<std::string, int> csvIds(const std::string& csv) {
  auto rows = core::parseCsv(csv);
  REQUIRE(rows.ok());
  std::map<std::string, int> out;
  for (size_t i = 1; i < rows->size(); ++i) ++out[(*rows)[i].fields[0]];
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("export refuses without a recipient key and says how to set one") {
  test::ExportFixture f;
  f.walkIn("Smith", "Ann", {1984, 3, 7});
  auto r = service::exportBatch(f.site(), *f.secrets);
  REQUIRE_FALSE(r.ok());
  CHECK(contains(r.error().message, "longstopctl recipient set"));
  f.setRecipient();
  REQUIRE(service::exportBatch(f.site(), *f.secrets).ok());
  auto again = service::exportBatch(f.site(), *f.secrets);
  REQUIRE_FALSE(again.ok());
  CHECK(contains(again.error().message, "Nothing to export"));
}

TEST_CASE(
    "a check-in that changes while its batch is being made refuses the batch; the next one carries the "
    "change") {
  test::ExportFixture f;
  f.setRecipient();
  const std::string a = f.walkIn("Smith", "Ann", {1984, 3, 7});
  f.walkIn("Brown", "Mary", {1948, 1, 2});
  bool called = false;
  // Reception calls Smith after her record was gathered, while the file is being written.
  auto r = service::exportBatch(f.site(), *f.secrets, {}, [&](int64_t, int64_t, std::string_view stage) {
    if (stage == "Writing" && !called) {
      called = true;
      f.act(a, core::CheckinAction::kCall);
    }
  });
  REQUIRE(called);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == core::ErrorCode::kConflict);
  CHECK(contains(r.error().message, "changed while the batch was being made"));
  CHECK(std::filesystem::is_empty(service::batchesDir(f.site())));
  auto none = store::lastBatch(f.site().db());
  REQUIRE(none.ok());
  CHECK_FALSE(none.value());

  auto again = service::exportBatch(f.site(), *f.secrets);
  REQUIRE(again.ok());
  CHECK(again->seq == 1);
  CHECK(again->records == 2);
  const auto payload = openFile(again->path, f.org);
  CHECK(contains(payload.checkinsCsv, "called"));
}

TEST_CASE(
    "round trip: every check-in once in the Bundle and the CSV, then ack, retention and a chained second "
    "batch") {
  test::ExportFixture f;
  f.setRecipient();
  f.morning();
  auto first = service::exportBatch(f.site(), *f.secrets);
  REQUIRE(first.ok());
  CHECK(first->seq == 1);
  CHECK(first->records == 5);
  CHECK(first->fileName.starts_with("B82005-" + f.site().info().deviceId + "-0001-20261129"));
  CHECK(first->fileName.ends_with(".lsbatch"));

  std::filesystem::create_directories(f.dir / "usb");
  auto copy = service::copyBatchTo(f.site(), 1, f.dir / "usb");
  REQUIRE(copy.ok());
  CHECK(test::readAll(*copy) == test::readAll(first->path));

  // Verify and decrypt as the receiving PC would.
  const std::string file1 = test::readAll(*copy);
  auto chain = exporter::verifyChain({{"b1", file1}});
  INFO((chain.problems.empty() ? "" : chain.problems[0].reason));
  REQUIRE(chain.sound());
  const exporter::Payload p1 = openFile(*copy, f.org);
  const Json bundle = Json::parse(p1.bundleJson);
  CHECK(bundle["resourceType"] == "Bundle");
  CHECK(bundle["type"] == "transaction");
  std::map<std::string, int> expected;
  for (const auto& id : f.recordIds) expected[id] = 1;
  CHECK(encounterIds(bundle) == expected);
  CHECK(csvIds(p1.checkinsCsv) == expected);
  // The CSV is in arrival order and neutralises a formula in a name.
  auto rows = core::parseCsv(p1.checkinsCsv);
  REQUIRE(rows.ok());
  for (size_t i = 1; i < rows->size(); ++i) CHECK((*rows)[i].fields[0] == f.recordIds[i - 1]);
  CHECK(contains(p1.checkinsCsv, "'=cmd"));
  // Same person twice: one Patient; the reconciliation report flags the pair and the urgent ones.
  int patients = 0, appointments = 0;
  for (const auto& e : bundle["entry"]) {
    patients += e["resource"]["resourceType"] == "Patient";
    appointments += e["resource"]["resourceType"] == "Appointment";
  }
  CHECK(patients == 4);
  CHECK(appointments == 2);
  auto report = exporter::reconcile({p1.checkinsCsv});
  REQUIRE(report.ok());
  CHECK(report->checkins == 5);
  CHECK(report->possibleDuplicates.size() == 1);
  CHECK(report->urgent.size() == 2);
  CHECK(report->withNhsNumber == 4);
  CHECK(report->unconfirmedClock.size() == 5);

  // Nothing is purged before the acknowledgement, however old the batch.
  f.clock.advanceMs(int64_t{90} * 86'400'000);
  auto early = service::purgeReceived(f.site(), 0);
  REQUIRE(early.ok());
  CHECK(early->checkins == 0);

  // Acknowledge: a forged code is refused, the real one accepted (twice is harmless).
  auto batch1 = exporter::readBatchFile(file1);
  REQUIRE(batch1.ok());
  const auto h = batch1->header;
  const exporter::OrgKeyPair stranger = exporter::makeOrgKeyPair();
  auto forged = service::acknowledgeBatch(
      f.site(), exporter::makeAck(h.odsCode, h.deviceId, h.seq, batch1->batchHash, stranger.signSecret));
  REQUIRE_FALSE(forged.ok());
  CHECK(contains(forged.error().message, "not signed by the organisation"));
  const std::string ack =
      exporter::makeAck(h.odsCode, h.deviceId, h.seq, batch1->batchHash, f.org.signSecret);
  auto acked = service::acknowledgeBatch(f.site(), ack);
  REQUIRE(acked.ok());
  CHECK_FALSE(acked->alreadyAcknowledged);
  auto again = service::acknowledgeBatch(f.site(), ack);
  REQUIRE(again.ok());
  CHECK(again->alreadyAcknowledged);

  // Check-ins after the first export go into the second batch only.
  const std::string later = f.walkIn("Later", "Lucy", {2000, 2, 29});

  // The sealed bytes of the first batch's people, as they sit in the database now.
  std::vector<std::string> sealedBytes;
  {
    auto st = f.site().db().prepare(
        "SELECT sealed FROM checkins WHERE sealed IS NOT NULL AND batch_seq = 1 "
        "UNION ALL SELECT sealed FROM appointments WHERE sealed IS NOT NULL AND id IN "
        "('A1001', 'A1003')");
    REQUIRE(st.ok());
    while (st->step().value()) sealedBytes.push_back(st->columnBlob(0));
  }
  REQUIRE(sealedBytes.size() == 5);

  // Retention: within the period nothing goes; after it, the data of batch 1 only.
  auto soon = service::purgeReceived(f.site(), 30);
  REQUIRE(soon.ok());
  CHECK(soon->batches == 0);
  f.clock.advanceMs(int64_t{31} * 86'400'000);
  auto purged = service::purgeReceived(f.site());
  REQUIRE(purged.ok());
  CHECK(purged->batches == 1);
  CHECK(purged->checkins == 5);
  CHECK_FALSE(std::filesystem::exists(first->path));
  auto kept = store::getCheckin(f.site().db(), later);
  REQUIRE(kept.ok());
  CHECK(kept.value()->sealed.has_value());
  for (const auto& entry : std::filesystem::directory_iterator(f.dir / "site")) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = test::readAll(entry.path());
    for (const auto& sealed : sealedBytes) {
      INFO(entry.path().string());
      CHECK_FALSE(contains(bytes, sealed.substr(0, 48)));
    }
  }
  auto events = f.site().db().prepare("SELECT count(*) FROM events WHERE kind = 'retention-purge'");
  REQUIRE(events->step().value());
  CHECK(events->columnInt(0) == 1);

  // The second batch: only the newer check-in, chained to the first.
  auto second = service::exportBatch(f.site(), *f.secrets);
  REQUIRE(second.ok());
  CHECK(second->seq == 2);
  CHECK(second->records == 1);
  const std::string file2 = test::readAll(second->path);
  auto b2 = exporter::readBatchFile(file2);
  REQUIRE(b2.ok());
  CHECK(b2->header.prevHash == batch1->batchHash);
  CHECK(exporter::verifyChain({{"b1", file1}, {"b2", file2}}).sound());
  const exporter::Payload p2 = openFile(second->path, f.org);
  CHECK(csvIds(p2.checkinsCsv) == std::map<std::string, int>{{later, 1}});
  CHECK(encounterIds(Json::parse(p2.bundleJson)) == std::map<std::string, int>{{later, 1}});
  CHECK(service::checkSite(f.site().db()).value().sound());
}

TEST_CASE(
    "appointments nobody came for are cleared after the retention period; the others wait for their batch") {
  test::ExportFixture f;
  f.morning();  // A1001 and A1003 checked in, A1002 never
  auto sealedOf = [&](const char* id) -> std::optional<std::string> {
    auto st = f.site().db().prepare("SELECT sealed, length(key_full) FROM appointments WHERE id = ?");
    st->bind(1, std::string_view(id));
    REQUIRE(st->step().value());
    if (st->columnIsNull(0)) {
      CHECK(st->columnInt(1) == 0);  // the keyed hashes went with the details
      return std::nullopt;
    }
    return st->columnBlob(0);
  };
  const auto unclaimed = sealedOf("A1002");
  REQUIRE(unclaimed.has_value());
  // Today's list is never touched, even with a period of 0 days: a late patient must still match.
  auto sameDay = service::purgeReceived(f.site(), 0);
  REQUIRE(sameDay.ok());
  CHECK(sameDay->appointments == 0);

  f.clock.advanceMs(int64_t{29} * 86'400'000);
  auto early = service::purgeReceived(f.site(), 30);
  REQUIRE(early.ok());
  CHECK(early->appointments == 0);
  CHECK(sealedOf("A1002").has_value());

  f.clock.advanceMs(int64_t{2} * 86'400'000);
  auto r = service::purgeReceived(f.site(), 30);
  REQUIRE(r.ok());
  CHECK(r->appointments == 1);
  CHECK(r->checkins == 0);
  CHECK_FALSE(sealedOf("A1002").has_value());
  // Checked in but not yet exported and acknowledged: kept, however old.
  CHECK(sealedOf("A1001").has_value());
  CHECK(sealedOf("A1003").has_value());
  auto again = service::purgeReceived(f.site(), 30);
  REQUIRE(again.ok());
  CHECK(again->appointments == 0);
  auto events = f.site().db().prepare(
      "SELECT count(*), json_extract(max(data), '$.appointments') FROM events WHERE kind = "
      "'retention-purge-appointments'");
  REQUIRE(events->step().value());
  CHECK(events->columnInt(0) == 1);
  CHECK(events->columnInt(1) == 1);
  for (const auto& entry : std::filesystem::directory_iterator(f.dir / "site")) {
    if (!entry.is_regular_file()) continue;
    INFO(entry.path().string());
    CHECK_FALSE(contains(test::readAll(entry.path()), unclaimed->substr(0, 48)));
  }
  CHECK(service::checkSite(f.site().db()).value().sound());
}

TEST_CASE(
    "the Bundle is structurally sound FHIR R4: required elements, codes, references, conditional creates") {
  test::ExportFixture f;
  f.setRecipient();
  f.morning();
  auto batch = service::exportBatch(f.site(), *f.secrets);
  REQUIRE(batch.ok());
  const Json bundle = Json::parse(openFile(batch->path, f.org).bundleJson);
  std::set<std::string> fullUrls, ifNoneExist;
  for (const auto& e : bundle["entry"]) {
    const std::string url = e["fullUrl"];
    CHECK(url.starts_with("urn:uuid:"));
    CHECK(fullUrls.insert(url).second);
    CHECK(e["request"]["method"] == "POST");
    CHECK(e["request"]["url"] == e["resource"]["resourceType"]);
    const auto& id = e["resource"]["identifier"][0];
    CHECK(e["request"]["ifNoneExist"] ==
          "identifier=" + id["system"].get<std::string>() + "|" + id["value"].get<std::string>());
    CHECK(ifNoneExist.insert(e["request"]["ifNoneExist"]).second);
  }
  for (const auto& e : bundle["entry"]) {
    const Json& r = e["resource"];
    if (r["resourceType"] == "Encounter") {
      CHECK(r["class"]["system"] == "http://terminology.hl7.org/CodeSystem/v3-ActCode");
      CHECK(r["class"]["code"] == "AMB");
      const std::set<std::string> statuses = {"arrived", "finished", "cancelled"};
      CHECK(statuses.count(r["status"]));
      CHECK(fullUrls.count(r["subject"]["reference"]));
      CHECK(r["period"]["start"].get<std::string>().size() == 25);
      CHECK(r["serviceType"]["coding"][0]["code"].is_string());
      CHECK(r["priority"]["coding"][0]["system"] == "http://terminology.hl7.org/CodeSystem/v3-ActPriority");
      if (r.contains("appointment")) CHECK(fullUrls.count(r["appointment"][0]["reference"]));
    } else if (r["resourceType"] == "Appointment") {
      CHECK(r["status"] == "arrived");
      CHECK(r["start"] == r["end"]);
      CHECK(r["participant"].size() >= 1);
      CHECK(fullUrls.count(r["participant"][0]["actor"]["reference"]));
    } else {
      REQUIRE(r["resourceType"] == "Patient");
      CHECK(r["name"][0]["family"].is_string());
      CHECK(r["birthDate"].get<std::string>().size() == 10);
      for (const auto& id : r["identifier"])
        if (id["system"] == "https://fhir.nhs.uk/Id/nhs-number") {
          CHECK(id["value"].get<std::string>().size() == 10);
          CHECK(id["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "02");
        }
    }
  }
  // The seen check-in is finished, with an end; the urgent ones have priority UR.
  int finished = 0, urgent = 0;
  for (const auto& e : bundle["entry"]) {
    if (e["resource"]["resourceType"] != "Encounter") continue;
    if (e["resource"]["status"] == "finished") {
      ++finished;
      CHECK(e["resource"]["period"].contains("end"));
    }
    urgent += e["resource"]["priority"]["coding"][0]["code"] == "UR";
  }
  CHECK(finished == 1);
  CHECK(urgent == 2);
  // For the FHIR schema test (tests/exporter/validate_fhir.js), keep a copy where the build can find it.
  if (const char* out = std::getenv("LONGSTOP_BUNDLE_OUT"))
    test::writeAll(out, openFile(batch->path, f.org).bundleJson);
}

TEST_CASE("one damaged sealed record is named and left out: the batch and the listing carry the rest") {
  test::ExportFixture f;
  f.setRecipient();
  const std::string a = f.walkIn("Smith", "Ann", {1984, 3, 7});
  const std::string b = f.walkIn("Jones", "Bob", {1950, 1, 2});
  const std::string c = f.walkIn("Evans", "Cara", {1990, 5, 6});
  test::flipSealedBit(f.site().db(), b);  // as a failing card sector would

  auto list = service::openedCheckinsToday(f.site(), *f.secrets);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  for (const auto& oc : *list) {
    if (oc.row.recordId == b) {
      CHECK_FALSE(oc.patient);
      CHECK_FALSE(oc.damaged.empty());
    } else {
      REQUIRE(oc.patient);
      CHECK(oc.damaged.empty());
    }
  }

  auto r = service::exportBatch(f.site(), *f.secrets);
  REQUIRE(r.ok());
  CHECK(r->records == 2);
  CHECK(r->damaged == std::vector<std::string>{b});
  const auto payload = openFile(r->path, f.org);
  CHECK(csvIds(payload.checkinsCsv) == std::map<std::string, int>{{a, 1}, {c, 1}});
  // It stays unexported, and a batch of nothing but damaged records is refused, saying why.
  auto again = service::exportBatch(f.site(), *f.secrets);
  REQUIRE_FALSE(again.ok());
  CHECK(contains(again.error().message, "could be opened"));
  auto left = store::unexportedRecordIds(f.site().db());
  REQUIRE(left.ok());
  CHECK(*left == std::vector<std::string>{b});
}
