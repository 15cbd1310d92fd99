<?xml version="1.0" encoding="UTF-8"?>
<!-- A comment before the root is not part of the entry. -->
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:m="http://services.samples">
    <xsl:output method="xml" omit-xml-declaration="yes" indent="yes"/>
    <xsl:template match="/">
        <m:getQuote><m:request><m:symbol><xsl:value-of select="//symbol"/></m:symbol></m:request></m:getQuote>
    </xsl:template>
</xsl:stylesheet>
