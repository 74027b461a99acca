// Reading time against size for the counts issue #16 found quadratic: a JSON object with n keys,
// and a log with n domains (JSON names + a per-domain object, and a wide CSV header of n loss
// columns). Prints seconds for n = 10^4, 10^5, 10^6 and the ratio per tenfold step (10 = linear).
//   build/bin/bench_log_limits [max_n]

#include "core/logs/Json.h"
#include "core/logs/LogFile.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>

namespace {

double seconds(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string keysObject(long n)
{
    std::string text = "{";
    for (long k = 0; k < n; ++k) text += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":" + std::to_string(k);
    return text + "}";
}

std::string domainsJson(long n)
{
    std::string names, loss;
    for (long d = 0; d < n; ++d) {
        names += (d ? ",\"n" : "\"n") + std::to_string(d) + "\"";
        loss += (d ? ",\"n" : "\"n") + std::to_string(d) + "\":" + std::to_string(d);
    }
    return "{\"domains\":[" + names + "],\"checkpoints\":[{\"step\":1,\"loss\":{" + loss + "}}]}";
}

std::string wideCsv(long n)
{
    std::string header = "step", row = "1";
    for (long d = 0; d < n; ++d) {
        header += ",L_n" + std::to_string(d);
        row += "," + std::to_string(d);
    }
    return header + "\n" + row + "\n";
}

}  // namespace

int main(int argc, char** argv)
{
    const long maxN = argc > 1 ? std::atol(argv[1]) : 1000000;
    const std::string dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
    std::printf("%-10s %14s %14s %14s\n", "n", "json keys s", "json names s", "csv names s");
    double last[3] = {0, 0, 0};
    for (long n = 10000; n <= maxN; n *= 10) {
        const std::string keys = keysObject(n);
        const std::string jsonPath = dir + "/bench_log_limits.json", csvPath = dir + "/bench_log_limits.csv";
        std::ofstream(jsonPath) << domainsJson(n);
        std::ofstream(csvPath) << wideCsv(n);
        const double t[3] = {seconds([&] { cl::logs::parseJson(keys, "keys.json"); }),
                             seconds([&] { cl::logs::readLog(jsonPath); }),
                             seconds([&] { cl::logs::readLog(csvPath); })};
        std::printf("%-10ld %14.3f %14.3f %14.3f", n, t[0], t[1], t[2]);
        if (last[0] > 0) std::printf("   ratios x%.1f x%.1f x%.1f", t[0] / last[0], t[1] / last[1], t[2] / last[2]);
        std::printf("\n");
        for (int k = 0; k < 3; ++k) last[k] = t[k];
        std::remove(jsonPath.c_str());
        std::remove(csvPath.c_str());
    }
    return 0;
}
