"""python3 -m commutelab_probe demo --out run.jsonl [--seed S] [--steps N]"""

import argparse
import sys

from .demo import run_demo


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m commutelab_probe")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="train a small model on two synthetic domains and write a CommuteLab log")
    demo.add_argument("--out", required=True, help="the .jsonl log to write (appended to if it exists)")
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--steps", type=int, default=400)
    args = parser.parse_args(argv)
    run_demo(args.out, seed=args.seed, steps=args.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
