#!/usr/bin/env python3
"""An independent TensorBoard event-file reader for tests/core/test_tensorboard_external.cpp.

Python standard library only: TFRecord framing with a table-driven CRC-32C check, and the
protobuf wire format decoded by hand with TensorFlow's field numbers. It shares no code and no
.proto with CommuteLab. Prints one line per scalar point, in file order:
    tag <TAB> step <TAB> repr(value) <TAB> repr(wall_time)
usage: tfevents_stdlib_reader.py FILE
"""
import struct
import sys

_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ (0x82F63B78 if _c & 1 else 0)
    _TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return value, i


def fields(buf):
    """(field number, wire type, value) for each field of one message."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        elif wire == 2:
            n, i = varint(buf, i)
            value, i = buf[i:i + n], i + n
        else:
            raise ValueError("wire type %d" % wire)
        yield number, wire, value


def scalar(value_msg):
    tag, result = None, None
    for number, wire, v in fields(value_msg):
        if number == 1:
            tag = v.decode("utf-8", "replace")
        elif number == 2 and wire == 5:
            result = struct.unpack("<f", v)[0]
        elif number == 8:
            dtype, content, floats, doubles = 0, b"", [], []
            for n2, w2, v2 in fields(v):
                if n2 == 1:
                    dtype = v2
                elif n2 == 4:
                    content = v2
                elif n2 == 5:
                    floats += list(struct.unpack("<%df" % (len(v2) // 4), v2)) if w2 == 2 else [struct.unpack("<f", v2)[0]]
                elif n2 == 6:
                    doubles += list(struct.unpack("<%dd" % (len(v2) // 8), v2)) if w2 == 2 else [struct.unpack("<d", v2)[0]]
            if dtype == 1 and len(floats) == 1:
                result = floats[0]
            elif dtype == 1 and len(content) == 4:
                result = struct.unpack("<f", content)[0]
            elif dtype == 2 and len(doubles) == 1:
                result = doubles[0]
            elif dtype == 2 and len(content) == 8:
                result = struct.unpack("<d", content)[0]
    return tag, result


def main(path):
    data = open(path, "rb").read()
    i = 0
    out = []
    while i + 12 <= len(data):
        header = data[i:i + 8]
        (length,) = struct.unpack("<Q", header)
        if struct.unpack("<I", data[i + 8:i + 12])[0] != masked(crc32c(header)):
            sys.exit("length CRC mismatch at byte %d" % i)
        if i + 16 + length > len(data):
            break  # a cut last record
        payload = data[i + 12:i + 12 + length]
        if struct.unpack("<I", data[i + 12 + length:i + 16 + length])[0] != masked(crc32c(payload)):
            sys.exit("data CRC mismatch at byte %d" % i)
        i += 16 + length
        wall, step, summary = 0.0, 0, None
        for number, wire, v in fields(payload):
            if number == 1:
                wall = struct.unpack("<d", v)[0]
            elif number == 2:
                step = v - (1 << 64) if v >= 1 << 63 else v
            elif number == 5:
                summary = v
        if summary is None:
            continue
        for number, wire, v in fields(summary):
            if number == 1:
                tag, value = scalar(v)
                if value is not None:
                    out.append("%s\t%d\t%r\t%r" % (tag, step, value, wall))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
