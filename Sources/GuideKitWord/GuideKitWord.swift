// Word documents (.docx) written from and read into guideline XML.
