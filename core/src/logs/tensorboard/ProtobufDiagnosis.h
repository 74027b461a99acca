#pragma once
// Why a record did not parse. libprotobuf's ParseFromArray only answers yes or no; to give the
// user a place, the failing payload is walked again with libprotobuf's own wire-format reader
// (CodedInputStream, WireFormatLite::SkipField), descending into the message fields the .proto
// declares, until the field that breaks is found. Runs only on the error path.

#include <cstddef>
#include <cstdint>
#include <string>

namespace google::protobuf {
class Descriptor;
}

namespace cl::logs::tfevents {

struct ProtobufProblem {
    std::string fieldPath;     // "Event.summary (field 5) > Summary.value (field 1)", empty at the top
    std::string problem;       // "truncated varint", "length 300 runs past the end of ..."
    std::uint64_t offset = 0;  // byte offset in the file of the field that breaks
    bool found = false;
};

/// The first problem in `data` read as a `type` message; `fileOffset` is where data[0] lies in the file.
ProtobufProblem diagnoseProtobuf(const google::protobuf::Descriptor& type, const char* data, std::size_t size,
                                 std::uint64_t fileOffset);

}  // namespace cl::logs::tfevents
