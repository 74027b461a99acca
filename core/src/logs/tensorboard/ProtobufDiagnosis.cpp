#include "ProtobufDiagnosis.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

namespace cl::logs::tfevents {

namespace {
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

std::string fieldName(const Descriptor& type, const FieldDescriptor* field, int number)
{
    return type.name() + "." + (field ? field->name() : std::string("<unknown>")) + " (field " +
           std::to_string(number) + ")";
}

ProtobufProblem problemAt(std::string path, std::string problem, std::uint64_t offset)
{
    return {std::move(path), std::move(problem), offset, true};
}

// The size of one element of a packed fixed-width field, 0 for anything else.
int packedElementSize(const FieldDescriptor* field)
{
    if (!field || !field->is_repeated()) return 0;
    switch (field->type()) {
        case FieldDescriptor::TYPE_FLOAT:
        case FieldDescriptor::TYPE_FIXED32:
        case FieldDescriptor::TYPE_SFIXED32:
            return 4;
        case FieldDescriptor::TYPE_DOUBLE:
        case FieldDescriptor::TYPE_FIXED64:
        case FieldDescriptor::TYPE_SFIXED64:
            return 8;
        default:
            return 0;
    }
}
}  // namespace

ProtobufProblem diagnoseProtobuf(const Descriptor& type, const char* data, std::size_t size, std::uint64_t fileOffset)
{
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
    CodedInputStream in(bytes, static_cast<int>(size));
    for (;;) {
        const auto at = static_cast<std::size_t>(in.CurrentPosition());
        if (at == size) return {};
        const std::uint32_t tag = in.ReadTag();
        const int number = static_cast<int>(WireFormatLite::GetTagFieldNumber(tag));
        if (tag == 0 || number == 0)
            return problemAt({}, "malformed field key in a " + type.name() + " message (truncated varint or field 0)",
                             fileOffset + at);
        const FieldDescriptor* field = type.FindFieldByNumber(number);
        const auto wireType = WireFormatLite::GetTagWireType(tag);
        if (wireType == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
            std::uint32_t length = 0;
            if (!in.ReadVarint32(&length))
                return problemAt(fieldName(type, field, number), "truncated length varint", fileOffset + at);
            const auto body = static_cast<std::size_t>(in.CurrentPosition());
            if (length > size - body)
                return problemAt(fieldName(type, field, number),
                                 "length " + std::to_string(length) + " runs past the end of the " + type.name() +
                                     " message (" + std::to_string(size - body) + " bytes left)",
                                 fileOffset + at);
            if (field && field->type() == FieldDescriptor::TYPE_MESSAGE) {
                ProtobufProblem inner =
                    diagnoseProtobuf(*field->message_type(), data + body, length, fileOffset + body);
                if (inner.found) {
                    inner.fieldPath =
                        fieldName(type, field, number) + (inner.fieldPath.empty() ? "" : " > ") + inner.fieldPath;
                    return inner;
                }
            } else if (const int element = packedElementSize(field); element > 0 && length % element != 0) {
                return problemAt(
                    fieldName(type, field, number),
                    "packed length " + std::to_string(length) + " is not a multiple of " + std::to_string(element),
                    fileOffset + at);
            }
            in.Skip(static_cast<int>(length));
            continue;
        }
        if (static_cast<int>(wireType) > 5)
            return problemAt(fieldName(type, field, number),
                             "invalid wire type " + std::to_string(static_cast<int>(wireType)), fileOffset + at);
        if (wireType == WireFormatLite::WIRETYPE_END_GROUP)
            return problemAt(fieldName(type, field, number), "end-group marker without a group", fileOffset + at);
        if (!WireFormatLite::SkipField(&in, tag))
            return problemAt(fieldName(type, field, number),
                             wireType == WireFormatLite::WIRETYPE_VARINT ? "truncated or overlong varint"
                                                                         : "value runs past the end of the message",
                             fileOffset + at);
    }
}

}  // namespace cl::logs::tfevents
