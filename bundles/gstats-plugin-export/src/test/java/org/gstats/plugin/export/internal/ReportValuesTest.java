package org.gstats.plugin.export.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import org.junit.Test;

public class ReportValuesTest {

    @Test
    public void integersBecomeLongs() {
        assertEquals(7L, ReportValues.normalize(7));
        assertEquals(-3L, ReportValues.normalize((short) -3));
        assertEquals(12L, ReportValues.normalize((byte) 12));
        assertEquals(5L, ReportValues.normalize(new AtomicInteger(5)));
        assertEquals(123_456_789_012L, ReportValues.normalize(123_456_789_012L));
    }

    @Test
    public void otherNumbersKeepTheirDecimalText() {
        assertEquals(0.1, ReportValues.normalize(0.1f));
        assertEquals("0.1", ReportValues.numberText(ReportValues.normalize(0.1f)));
        assertEquals("1.0E10", ReportValues.numberText(ReportValues.normalize(1e10)));
        BigDecimal decimal = new BigDecimal("1234567890.123456789");
        assertSame(decimal, ReportValues.normalize(decimal));
        assertEquals(BigInteger.TWO.pow(70), ReportValues.normalize(BigInteger.TWO.pow(70)));
    }

    @Test
    public void numbersOfOtherClassesGoThroughTheirText() {
        LongAdder count = new LongAdder();
        count.add(42);
        DoubleAdder sum = new DoubleAdder();
        sum.add(2.5);

        assertEquals(BigInteger.valueOf(42), ReportValues.normalize(count));
        assertEquals(new BigDecimal("2.5"), ReportValues.normalize(sum));
    }

    @Test
    public void nanAndInfinitiesHaveNoValue() {
        assertNull(ReportValues.normalize(Double.NaN));
        assertNull(ReportValues.normalize(Double.POSITIVE_INFINITY));
        assertNull(ReportValues.normalize(Float.NEGATIVE_INFINITY));
    }

    @Test
    public void unpairedSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
        assertEquals("a\ufffdb\ufffdc😀d\ufffd", ReportValues.text("a\ud83db\ude00c😀d\ud83d"));
        assertEquals("\ufffd\ufffd", ReportValues.text("\ude00\ud83d"));
        String clean = "Zoë 日本 😀 \u0001";
        assertSame(clean, ReportValues.text(clean));
    }

    @Test
    public void textBooleansAndNullStay() {
        assertEquals("x", ReportValues.normalize("x"));
        assertEquals(true, ReportValues.normalize(true));
        assertNull(ReportValues.normalize(null));
    }
}
