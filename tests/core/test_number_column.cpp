// NumberColumn (core/logs/NumberColumn.h): every number pushed reads back bit-exact, in the
// narrowest encoding that holds them all; the truth is the pushed doubles themselves, compared bit
// for bit (so -0.0 and NaN payloads count).
#include "core/logs/NumberColumn.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using cl::logs::NumberColumn;
using Encoding = NumberColumn::Encoding;

namespace {
bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void checkReadsBack(const NumberColumn& c, const std::vector<double>& pushed)
{
    QCOMPARE(c.size(), pushed.size());
    for (std::size_t i = 0; i < pushed.size(); ++i)
        if (!sameBits(c[i], pushed[i])) QFAIL(qPrintable(QString("number %1 changed").arg(i)));
    std::size_t i = 0;
    for (double x : c) QVERIFY(sameBits(x, pushed[i++]));
}

NumberColumn pushAll(const std::vector<double>& numbers)
{
    NumberColumn c;
    for (double x : numbers) c.push_back(x);
    return c;
}
}  // namespace

class TestNumberColumn : public QObject {
    Q_OBJECT
private slots:
    void wholeStepsAreOffsets()
    {
        // TensorBoard steps: int64 far from 0, within 2^31 of the first.
        const std::vector<double> steps{1e12, 1e12 + 1, 1e12 - 5, 1e12 + 2147483647.0};
        const NumberColumn c = pushAll(steps);
        QCOMPARE(c.encoding(), Encoding::WholeOffsets);
        QCOMPARE(c.bytesPerNumber(), std::size_t(4));
        checkReadsBack(c, steps);
    }
    void offsetOutOfInt32Widens()
    {
        // 1e12 + 2^31 is whole but 2^31 from the first: not an int32 offset, and not a float.
        const std::vector<double> steps{1e12, 1e12 + 2147483648.0};
        const NumberColumn c = pushAll(steps);
        QCOMPARE(c.encoding(), Encoding::Doubles);
        checkReadsBack(c, steps);
    }
    void wholeThenFloatsBecomeFloats()
    {
        // Small whole numbers are floats too, so a fractional float moves the column to floats.
        const std::vector<double> v{3, 2, double(0.75f), double(std::nextafter(1.0f, 2.0f))};
        const NumberColumn c = pushAll(v);
        QCOMPARE(c.encoding(), Encoding::Floats);
        checkReadsBack(c, v);
    }
    void wholeNotFloatThenFractionBecomesDoubles()
    {
        const std::vector<double> v{16777217.0, 0.5};  // 2^24 + 1 is not a float
        const NumberColumn c = pushAll(v);
        QCOMPARE(c.encoding(), Encoding::Doubles);
        checkReadsBack(c, v);
    }
    void floatsThenADoubleWidens()
    {
        std::vector<double> v;
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> u(-3.0f, 3.0f);
        for (int i = 0; i < 1000; ++i) v.push_back(double(u(rng)));
        NumberColumn c = pushAll(v);
        QCOMPARE(c.encoding(), Encoding::Floats);
        checkReadsBack(c, v);
        v.push_back(0.1);  // not a float
        c.push_back(0.1);
        for (int i = 0; i < 10; ++i) {
            v.push_back(double(u(rng)));
            c.push_back(v.back());
        }
        QCOMPARE(c.encoding(), Encoding::Doubles);
        checkReadsBack(c, v);
    }
    void specialValuesBitExact()
    {
        const double inf = std::numeric_limits<double>::infinity();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> floats{
            -0.0, 0.0, inf, -inf, nan, -nan, double(std::numeric_limits<float>::denorm_min())};
        const NumberColumn c = pushAll(floats);
        QCOMPARE(c.encoding(), Encoding::Floats);  // -0.0 first: not stored as the whole number 0
        checkReadsBack(c, floats);
        // A NaN whose payload a float cannot carry widens instead of losing its bits.
        std::uint64_t bits = 0x7ff8000000000001ull;
        double payload;
        std::memcpy(&payload, &bits, sizeof payload);
        std::vector<double> withPayload = floats;
        withPayload.push_back(payload);
        const NumberColumn d = pushAll(withPayload);
        QCOMPARE(d.encoding(), Encoding::Doubles);
        checkReadsBack(d, withPayload);
    }
    void vectorConversionsAndAppend()
    {
        const std::vector<double> a{1, 2, 3}, b{0.1, 7};
        NumberColumn c(a);
        QCOMPARE(c.toVector(), a);
        c.append(NumberColumn(b));
        QCOMPARE(c.toVector(), (std::vector<double>{1, 2, 3, 0.1, 7}));
        QCOMPARE(*std::max_element(c.begin(), c.end()), 7.0);
        QCOMPARE(c.end() - c.begin(), std::ptrdiff_t(5));
        QVERIFY(c == NumberColumn({1, 2, 3, 0.1, 7}));
        c.clear();
        QVERIFY(c.empty());
        QCOMPARE(c.encoding(), Encoding::WholeOffsets);
    }
};

QTEST_APPLESS_MAIN(TestNumberColumn)
#include "test_number_column.moc"
