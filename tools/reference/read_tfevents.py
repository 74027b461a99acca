#!/usr/bin/env python3
"""Reference for tools/bench_tfevents.sh: a TensorBoard event file read in Python with Debian's
python3-protobuf, the way a researcher's script would do it: TFRecord framing with struct, and
Event.ParseFromString on classes that protoc generated from CommuteLab's own
core/proto/tensorboard_event.proto (same fields as ours). Scalars go into columnar
array('d') per tag (8 bytes a number, like ours). The CRCs are NOT checked: pure-Python CRC-32C
over 1 GB would take hours and the standard library has none, so the reference does less work.
Prints seconds, cpu_seconds and the counts for the driver.
usage: read_tfevents.py FILE GENERATED_DIR   (GENERATED_DIR holds tensorboard_event_pb2.py)
"""
import array
import struct
import sys
import time


def main(path, generated):
    sys.path.insert(0, generated)
    import tensorboard_event_pb2 as pb
    from google.protobuf.internal import api_implementation

    start, cpu_start = time.perf_counter(), time.process_time()
    series = {}  # tag -> (steps, values, wall times)
    skipped = 0
    event = pb.Event()
    unpack_header = struct.Struct("<QI").unpack_from
    with open(path, "rb") as f:
        data = f.read(1 << 22)
        pos = 0
        while True:
            if len(data) - pos < 12:
                more = f.read(1 << 22)
                if not more:
                    break
                data = data[pos:] + more
                pos = 0
                continue
            length, _ = unpack_header(data, pos)
            end = pos + 12 + length + 4
            if end > len(data):
                more = f.read(max(1 << 22, end - len(data)))
                if not more:
                    break  # a cut last record
                data = data[pos:] + more
                pos = 0
                continue
            event.ParseFromString(data[pos + 12:pos + 12 + length])
            pos = end
            if not event.HasField("summary"):
                continue
            for value in event.summary.value:
                if value.HasField("simple_value"):
                    v = value.simple_value
                elif value.HasField("tensor") and len(value.tensor.float_val) == 1:
                    v = value.tensor.float_val[0]
                elif value.HasField("tensor") and len(value.tensor.double_val) == 1:
                    v = value.tensor.double_val[0]
                else:
                    skipped += 1
                    continue
                s = series.get(value.tag)
                if s is None:
                    s = series[value.tag] = (array.array("d"), array.array("d"), array.array("d"))
                s[0].append(event.step)
                s[1].append(v)
                s[2].append(event.wall_time)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    points = sum(len(s[0]) for s in series.values())
    print("protobuf_implementation: %s" % api_implementation.Type())
    print("series: %d\npoints: %d\nskipped: %d" % (len(series), points, skipped))
    print("value_sum: %.17g" % sum(sum(s[1]) for s in series.values()))
    print("seconds: %.4f\ncpu_seconds: %.4f" % (seconds, cpu))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
