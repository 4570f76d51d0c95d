// Fuzzes parseDetails (the sealed text form) and surnameInitial/validateNames over arbitrary bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/patient.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<PatientDetails> d = parseDetails(text);
  if (d) {
    // One text form per details value: serializing gives back exactly the input.
    const std::string again = serializeDetails(*d);
    if (again != text) std::abort();
    Result<PatientDetails> reparsed = parseDetails(again);
    if (!reparsed || !(*reparsed == *d)) std::abort();
  }
  // Any bytes as a name: the serializer must stay unambiguous.
  PatientDetails any;
  any.surname = std::string(text);
  any.forenames = std::string(text.substr(text.size() / 2));
  any.postcode = std::string(text.substr(0, text.size() / 3));
  Result<PatientDetails> back = parseDetails(serializeDetails(any));
  if (!back || !(*back == any)) std::abort();
  const std::optional<char> initial = surnameInitial(text);
  if (initial && (*initial < 'A' || *initial > 'Z')) std::abort();
  (void)validateNames(text, text);
  return 0;
}
